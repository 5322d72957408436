import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import { TruncatedText } from "@/components/ui/truncated-text";
import { contentKeys } from "@/lib/utils/content-keys";
import { headerPair } from "@/lib/webhooks/curl";

/** Recorded HTTP headers as a name/value table; every value is plain text. */
export function HeadersTable({ headers, caption }: { headers: string[][] | undefined; caption: string }) {
  if (!headers?.length) return <p className="text-xs text-muted">No headers recorded.</p>;
  const pairs = headers.map(headerPair);
  // A header may come twice (Set-Cookie): a row is known by its name and value.
  const keys = contentKeys(pairs, ({ name, value }) => `${name}: ${value}`);
  return (
    <Table density="card" className="text-xs">
      <TableCaption>{caption}</TableCaption>
      <TableHeader className="sr-only">
        <tr>
          <TableHead>Header</TableHead>
          <TableHead>Value</TableHead>
        </tr>
      </TableHeader>
      <TableBody>
        {pairs.map(({ name, value }, i) => (
          <TableRow key={keys[i]} className="align-top group-data-[density=card]/table:first:border-t-0">
            <TableRowHead className="whitespace-nowrap font-mono font-medium">{name}</TableRowHead>
            <TableCell className="font-mono">
              <TruncatedText text={value} limit={160} label={`${name} header`} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
