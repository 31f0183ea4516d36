// A decoded SCTE-35 splice_info_section in brief: what ad decisions ([scte.*] variables) and the UI read.
// Pure types (the decoder in src/main/scte35/ fills them).

export interface UpidSummary {
  type: number;
  typeName: string;
  /**
   * Text for the string types (ISCI, Ad-ID, TID, ADI, ADS Information, URI, SCR) when every
   * byte is printable ASCII; MPU as "<format_identifier>:0x<private data>" (the identifier as
   * 4 ASCII chars when printable, else 0x hex); "0x" + uppercase hex otherwise (TI, EIDR, MID...).
   */
  value: string;
}

/**
 * Everything optional is absent when the section does not carry it. For time_signal the
 * segmentation fields (and eventId, durationSeconds) come from the first
 * segmentation_descriptor in loop order; splice_insert fields win where both exist.
 */
export interface SpliceInfoSummary {
  /** splice_command_type by name: splice_insert, time_signal, splice_null … */
  command: string;
  /** splice_event_id, else the first segmentation_descriptor's segmentation_event_id. */
  eventId?: number;
  /** The splice_insert or segmentation event is a cancellation (other fields then absent). */
  cancelled?: boolean;
  /** splice_insert out_of_network_indicator. */
  outOfNetwork?: boolean;
  /** (pts_time + pts_adjustment) mod 2^33 in seconds; component mode uses the first timed component. */
  ptsSeconds?: number;
  /** break_duration, else the first segmentation_descriptor's segmentation_duration. */
  durationSeconds?: number;
  segmentationTypeId?: number;
  segmentationTypeName?: string;
  upid?: UpidSummary;
  segmentNum?: number;
  segmentsExpected?: number;
  /** splice_insert avail_num / avails_expected. */
  avail?: { num: number; expected: number };
}
