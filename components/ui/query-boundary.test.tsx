// The boundary's shape in the server's HTML: with `ready` data a card is part of the page (no
// Suspense markers, so React can't stream it after the first paint); without, it keeps its boundary.
import { QueryClient, QueryClientProvider, useSuspenseQuery } from "@tanstack/react-query";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QueryBoundary } from "./query-boundary";

const key = ["dashboard", "test-figure"] as const;

function Figure() {
  const { data } = useSuspenseQuery({ queryKey: key, queryFn: () => new Promise<string>(() => {}) });
  return <p>{`figure ${data}`}</p>;
}

function render(client: QueryClient, ready?: readonly (readonly unknown[])[]) {
  return renderToString(
    <QueryClientProvider client={client}>
      <QueryBoundary label="the figure" ready={ready}>
        <Figure />
      </QueryBoundary>
    </QueryClientProvider>,
  );
}

const withData = () => {
  const client = new QueryClient();
  client.setQueryData(key, "42");
  return client;
};

describe("QueryBoundary", () => {
  it("renders a card whose ready data is there without a Suspense boundary", () => {
    const html = render(withData(), [key]);
    expect(html).toContain("figure 42");
    expect(html).not.toContain("<!--$");
  });

  it("keeps the boundary without `ready`, even with data", () => {
    const html = render(withData());
    expect(html).toContain("figure 42");
    expect(html).toContain("<!--$-->");
  });

  it("keeps the boundary and shows the skeleton when any ready key has no data", () => {
    const html = render(withData(), [key, ["dashboard", "missing"]]);
    expect(html).toContain("<!--$");
    const empty = render(new QueryClient(), [key]);
    expect(empty).toContain("Loading");
    expect(empty).not.toContain("<p>figure");
  });
});
