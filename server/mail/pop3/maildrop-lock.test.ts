import { describe, expect, it } from "vitest";
import { lockMaildrop } from "./maildrop-lock";

describe("lockMaildrop", () => {
  it("gives one session the maildrop until it releases it", () => {
    const release = lockMaildrop("mb-1");
    expect(release).not.toBeNull();
    expect(lockMaildrop("mb-1")).toBeNull();
    expect(lockMaildrop("mb-2")).not.toBeNull();
    release?.();
    release?.();
    const again = lockMaildrop("mb-1");
    expect(again).not.toBeNull();
    // A stale release of the first holder must not free the second holder's lock.
    release?.();
    expect(lockMaildrop("mb-1")).toBeNull();
  });
});
