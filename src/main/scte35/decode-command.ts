/** splice_command() parsers (SCTE 35 2022 section 9.7), the inverse of encode-command.ts. */
import { Scte35DecodeError, type BitReader } from './bit-reader.js';
import { cancelledSpliceInsert, SPLICE_COMMAND_TYPE } from './types.js';
import type { BreakDuration, SpliceCommand, SpliceInsert, SpliceInsertComponent, SpliceTime } from './types.js';

/** Field names for errors, fixed strings so the hot path builds none. */
interface SpliceTimeFields {
  flag: string;
  pts: string;
}
const fields = (at: string): SpliceTimeFields => ({ flag: `${at}.time_specified_flag`, pts: `${at}.pts_time` });
const INSERT_TIME = fields('splice_insert.splice_time');
const COMPONENT_TIME = fields('splice_insert.component.splice_time');
const SIGNAL_TIME = fields('time_signal.splice_time');

/** splice_time(): time_specified_flag, then 6 reserved + 33-bit pts_time, or 7 reserved. */
function readSpliceTime(r: BitReader, f: SpliceTimeFields): SpliceTime {
  if (r.readFlag(f.flag)) {
    r.skipBits(6, f.flag);
    return { ptsTime: r.readBits(33, f.pts) };
  }
  r.skipBits(7, f.flag);
  return {};
}

function readSpliceInsert(r: BitReader): SpliceInsert {
  const spliceEventId = r.readBits(32, 'splice_insert.splice_event_id');
  const cancelled = r.readFlag('splice_insert.splice_event_cancel_indicator');
  r.skipBits(7, 'splice_insert.reserved');
  if (cancelled) {
    return cancelledSpliceInsert(spliceEventId);
  }

  const outOfNetworkIndicator = r.readFlag('splice_insert.out_of_network_indicator');
  const programSpliceFlag = r.readFlag('splice_insert.program_splice_flag');
  const durationFlag = r.readFlag('splice_insert.duration_flag');
  const spliceImmediateFlag = r.readFlag('splice_insert.splice_immediate_flag');
  const compliance = r.readFlag('splice_insert.event_id_compliance_flag');
  r.skipBits(3, 'splice_insert.reserved');

  const cmd: SpliceInsert = {
    type: 'splice_insert',
    spliceEventId,
    spliceEventCancelIndicator: false,
    outOfNetworkIndicator,
    programSpliceFlag,
    durationFlag,
    spliceImmediateFlag,
    uniqueProgramId: 0,
    availNum: 0,
    availsExpected: 0,
  };
  // The bit was reserved (1) before SCTE 35 2022 and the encoder defaults it to true, so
  // only a 0 is worth recording; that keeps decode(encode(x)) equal to x.
  if (!compliance) cmd.eventIdComplianceFlag = false;

  if (programSpliceFlag) {
    if (!spliceImmediateFlag) cmd.spliceTime = readSpliceTime(r, INSERT_TIME);
  } else {
    const count = r.readBits(8, 'splice_insert.component_count');
    const components: SpliceInsertComponent[] = [];
    for (let i = 0; i < count; i++) {
      const componentTag = r.readBits(8, 'splice_insert.component_tag');
      components.push(
        spliceImmediateFlag ? { componentTag } : { componentTag, spliceTime: readSpliceTime(r, COMPONENT_TIME) },
      );
    }
    cmd.components = components;
  }

  if (durationFlag) cmd.breakDuration = readBreakDuration(r);

  cmd.uniqueProgramId = r.readBits(16, 'splice_insert.unique_program_id');
  cmd.availNum = r.readBits(8, 'splice_insert.avail_num');
  cmd.availsExpected = r.readBits(8, 'splice_insert.avails_expected');
  return cmd;
}

/** break_duration(): auto_return 1 + reserved 6 + duration 33. */
function readBreakDuration(r: BitReader): BreakDuration {
  const autoReturn = r.readFlag('break_duration.auto_return');
  r.skipBits(6, 'break_duration.reserved');
  return { autoReturn, duration: r.readBits(33, 'break_duration.duration') };
}

// Module-local copies: under tsx/esbuild, imported bindings are getters, costly per call.
const { splice_null: SPLICE_NULL, splice_insert: SPLICE_INSERT, time_signal: TIME_SIGNAL } = SPLICE_COMMAND_TYPE;
const { bandwidth_reservation: BANDWIDTH_RESERVATION, private_command: PRIVATE_COMMAND } = SPLICE_COMMAND_TYPE;

const COMMAND_NAMES: Record<number, string> = { 0x04: 'splice_schedule' };

/**
 * Reads the command body. `r` is bounded by splice_command_length, or, for the legacy
 * 0xFFF "length not given", by the end of the room before descriptor_loop_length; the
 * caller measures how much was consumed. private_command runs to the end of `r`, so it
 * needs a real length.
 */
export function readSpliceCommand(r: BitReader, type: number, lengthKnown: boolean): SpliceCommand {
  switch (type) {
    case SPLICE_NULL:
      return { type: 'splice_null' };
    case SPLICE_INSERT:
      return readSpliceInsert(r);
    case TIME_SIGNAL:
      return { type: 'time_signal', spliceTime: readSpliceTime(r, SIGNAL_TIME) };
    case BANDWIDTH_RESERVATION:
      return { type: 'bandwidth_reservation' };
    case PRIVATE_COMMAND: {
      if (!lengthKnown) {
        throw new Scte35DecodeError(
          'private_command with legacy splice_command_length 0xFFF: its length cannot be determined',
          'splice_command_length',
          r.offset,
        );
      }
      const identifier = r.readBits(32, 'private_command.identifier');
      return { type: 'private_command', identifier, privateBytes: r.readBytes(r.bytesLeft, 'private_command.private_byte') };
    }
    default: {
      const name = COMMAND_NAMES[type];
      throw new Scte35DecodeError(
        `unsupported splice_command_type 0x${type.toString(16).toUpperCase().padStart(2, '0')}${name ? ` (${name})` : ''}`,
        'splice_command_type',
        r.offset,
      );
    }
  }
}
