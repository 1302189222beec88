// The banner shown while Ordo cannot be reached (a read or the event stream failed to reach
// it): reads and the stream keep retrying by themselves, and the banner goes away as soon as
// one of them gets an answer again.
import { useEffect, useState } from "preact/hooks";
import { isReachable, onReachabilityChange } from "./api";

export function OfflineBanner() {
  const [reachable, setReachable] = useState(isReachable());
  useEffect(() => onReachabilityChange(setReachable), []);
  return (
    <div class="offline-banner" role="status" aria-live="assertive">
      {reachable ? "" : "Ordo cannot be reached — retrying…"}
    </div>
  );
}
