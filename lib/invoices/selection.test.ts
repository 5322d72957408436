import { describe, expect, it } from "vitest";
import { selectionWords } from "./selection";

describe("invoice selection in words", () => {
  it("says where the selected invoices are", () => {
    expect(selectionWords(new Set(), ["a"]).text).toBe("Select invoices to download them as one zip.");
    expect(selectionWords(new Set(["a", "b"]), ["a", "b", "c"])).toMatchObject({ total: 2, shown: 2, hidden: 0, text: "2 selected, all shown below." });
    expect(selectionWords(new Set(["a", "x", "y"]), ["a", "b"])).toMatchObject({
      hidden: 2,
      text: "3 selected: 1 shown below, 2 on other pages or filtered out (still selected).",
    });
    expect(selectionWords(new Set(["x"]), ["a"]).text).toBe("1 selected, none of them in the list below (other pages or filtered out); they stay selected.");
  });
});
