import { z } from "zod";

export const userTagsQuery = z.object({
  starts_with: z.string().trim().max(100, "must be at most 100 characters").optional(),
});
export const userTagsResponse = z.object({
  data: z.object({
    number_tags: z.array(z.string()).optional(),
    outbound_profile_tags: z.array(z.string()).optional(),
  }),
});
export type UserTags = z.infer<typeof userTagsResponse>["data"];
