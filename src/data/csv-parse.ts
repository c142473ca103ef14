// CSV text to records (RFC 4180): fields split by commas, optionally in double quotes,
// where a quoted field may hold commas, line breaks and doubled quotes (""). Lines end in
// \n or \r\n; blank lines are skipped. Each record remembers the 1-based line it starts
// on, for error messages.

export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0]!.trim() === '';
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };

  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not data
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      // Spaces before an opening quote are dropped, as most spreadsheets write none.
      field = '';
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) throw new CsvSyntaxError(`the quote opened on line ${quoteLine} is never closed`, quoteLine);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
