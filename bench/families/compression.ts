// PLACEHOLDER: replaced by the family's implementation. Fails loudly so it can never look like a result.
import type { Family } from "../family.js";

export const family: Family = {
  name: "compression",
  describe: "not implemented yet",
  run: async () => {
    throw new Error("the compression family is not implemented yet");
  },
};
