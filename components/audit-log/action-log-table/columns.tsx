// One entry of the dashboard's action log: when, who, what, how it ended, with its parameters.
import { JsonTree } from "@/components/json/json-tree";
import { Badge } from "@/components/ui/badge";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { TruncatedText } from "@/components/ui/truncated-text";
import type { ActionEntry } from "@/lib/action-log";
import { formatDateTimeExact } from "@/lib/format";

const OUTCOME_TONE = { success: "success", failure: "danger", unknown: "warning" } as const;

export function ActionHeaderRow() {
  return (
    <tr>
      <TableHead>Time</TableHead>
      <TableHead>User</TableHead>
      <TableHead>Action</TableHead>
      <TableHead>Outcome</TableHead>
      <TableHead>Details</TableHead>
    </tr>
  );
}

export function ActionRow({ entry: a }: { entry: ActionEntry }) {
  return (
    <TableRow className="align-top" data-testid="action-row">
      <TableCell className="whitespace-nowrap text-xs">
        {formatDateTimeExact(a.at)}
        <div className="font-mono text-muted">{a.at}</div>
      </TableCell>
      <TableCell>{a.userEmail ?? <span className="text-muted">(system)</span>}</TableCell>
      <TableCell className="font-mono text-xs">{a.action}</TableCell>
      <TableCell>
        <Badge tone={OUTCOME_TONE[a.outcome] ?? "neutral"}>{a.outcome}</Badge>
      </TableCell>
      <TableCell className="max-w-md">
        {a.error ? (
          <p className="mb-1 text-xs text-danger">
            <TruncatedText text={a.error} limit={200} label="error" />
          </p>
        ) : null}
        {Object.keys(a.params ?? {}).length ? (
          <JsonTree value={a.params} label={`Parameters of action ${a.id}`} openDepth={1} toolbar={false} />
        ) : (
          <span className="text-xs text-muted">No parameters</span>
        )}
      </TableCell>
    </TableRow>
  );
}
