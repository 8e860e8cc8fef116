import { Badge } from "@/components/pipeline/status-badge";
import { type Availability } from "@/lib/availability/queries";

/** "Booked: Nguyen–Walsh Wedding" in red, or "Available" in green. */
export function AvailabilityBadge({ availability }: { availability: Availability }) {
  return <Badge tone={availability.isBooked ? "red" : "green"}>{availability.label}</Badge>;
}
