import { TruncatedText } from "@/components/ui/truncated-text";
import { headerPair } from "@/lib/webhooks/curl";

/** Recorded HTTP headers as a name/value table; every value is plain text. */
export function HeadersTable({ headers, caption }: { headers: string[][] | undefined; caption: string }) {
  if (!headers?.length) return <p className="text-xs text-muted">No headers recorded.</p>;
  return (
    <table className="w-full text-left text-xs">
      <caption className="sr-only">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Header</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map((pair, i) => {
          const { name, value } = headerPair(pair);
          return (
            <tr key={`${name}-${i}`} className="border-t border-border first:border-0 align-top">
              <th scope="row" className="whitespace-nowrap py-1 pr-3 font-mono font-medium">
                {name}
              </th>
              <td className="py-1 font-mono">
                <TruncatedText text={value} limit={160} label={`${name} header`} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
