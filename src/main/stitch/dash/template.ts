// SegmentTemplate URL identifiers ($RepresentationID$, $Number%05d$, $Bandwidth$, $Time$, $$), ISO/IEC 23009-1 5.3.9.4.4.

export interface TemplateValues {
  representationId?: string;
  number?: number;
  bandwidth?: number;
  time?: number;
}

export function expandTemplate(template: string, v: TemplateValues): string {
  return template.replace(/\$(RepresentationID|Number|Bandwidth|Time|SubNumber)?(%0(\d+)d)?\$/g, (m, id: string | undefined, _f, width: string | undefined) => {
    if (id === undefined) return '$';
    const value = id === 'RepresentationID' ? v.representationId : id === 'Number' ? v.number : id === 'Bandwidth' ? v.bandwidth : id === 'Time' ? v.time : undefined;
    if (value === undefined) return m;
    const s = String(value);
    return width && typeof value === 'number' ? s.padStart(Number(width), '0') : s;
  });
}
