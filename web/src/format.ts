// How the page writes the API's numbers, by the rules of the command line's one formatter
// (include/parley/core/text.h): money with thousands separators in whole units (two decimals
// when a number issue's grid has finer steps), utilities with 4 decimals, shares as whole
// percentages. Formatting only, never arithmetic on the figures.

let moneyDecimals = 0;
let moneyParties = new Set<string>();
let usParty = '';
let issueNames: Record<string, string> = {};
let moneyIssueIds = new Set<string>();

function isWhole(x: unknown): boolean {
  return typeof x !== 'number' || Number.isInteger(x);
}

/** Reads from the case what the formatting depends on: which parties value in money, the money
 * decimals, the issues' names and our party. Call it whenever the case changes. */
export function setFormatCase(doc: any) {
  const issues: any[] = Array.isArray(doc?.issues) ? doc.issues : [];
  // A money issue: a number issue whose unit is the case's currency (text::IsMoneyIssue); two
  // decimals when one has a fractional step or lower end (text::MoneyDecimals).
  const currency = typeof doc?.currency === 'string' ? doc.currency : '';
  const moneyIssues = issues.filter((i) => i?.kind === 'number' && currency !== '' && i.unit === currency);
  moneyDecimals = moneyIssues.some((i) => !isWhole(i.step) || (Array.isArray(i.range) && !isWhole(i.range[0]))) ? 2 : 0;
  moneyIssueIds = new Set(moneyIssues.map((i) => String(i.id)));
  issueNames = Object.fromEntries(issues.map((i) => [String(i?.id), String(i?.name ?? i?.id)]));
  const parties: any[] = Array.isArray(doc?.parties) ? doc.parties : [];
  usParty = String(parties.find((p) => p?.side === 'us')?.id ?? '');
  moneyParties = new Set(
    parties
      .map((p) => String(p?.id))
      .filter((id) => {
        const values = doc?.values?.[id];
        const utilityForm = values && Object.values(values).some((e: any) => e && typeof e === 'object' && 'weight' in e);
        return !utilityForm && !doc?.rectangles?.[id];
      }),
  );
}

function signed(text: string): string {
  return text.replace(/^-/, '−').replace(/^−0(\.0+)?$/, '0$1');
}

/** Money: "139,417", "−113,000" (a cost). */
export function money(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return signed(new Intl.NumberFormat('en-US', { minimumFractionDigits: moneyDecimals, maximumFractionDigits: moneyDecimals }).format(x));
}

/** A utility: 4 decimals. */
export function util(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return signed(x.toFixed(4));
}

/** What a deal is worth to `party` (default: us): money for a money-form party, else a utility. */
export function value(x: number | null | undefined, party: string = usParty): string {
  return moneyParties.has(party) ? money(x) : util(x);
}

/** Money when `isMoney`, else a utility (the API's `money` flags). */
export function amount(x: number | null | undefined, isMoney: boolean): string {
  return isMoney ? money(x) : util(x);
}

/** A count or a score: thousands separators, up to 2 decimals ("10,000", "2.5"). */
export function num(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return signed(new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(x));
}

/** A share as a whole percentage. */
export function pct(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return `${Math.round(x * 100)}%`;
}

/** One value of `issue` (text::IssueValueText): a money issue's number as money ("120,000"), any
 * other number in its shortest form ("0.3", "45"), an option as written. */
export function issueValue(v: unknown, issue?: string): string {
  if (typeof v !== 'number') return String(v);
  return issue !== undefined && moneyIssueIds.has(issue) ? money(v) : signed(String(v));
}

/** An issue's name as the case gives it. */
export function issueName(id: string): string {
  return issueNames[id] ?? id;
}

/** An outcome {issue: value} as "Annual price 120,000, Contract term 3y". */
export function outcome(o: Record<string, any> | null | undefined): string {
  if (!o) return '—';
  return Object.entries(o)
    .map(([k, v]) => `${issueName(k)} ${issueValue(v, k)}`)
    .join(', ');
}
