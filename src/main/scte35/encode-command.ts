/** splice_command() serializers (SCTE 35 2020 section 9.7). */
import { BitWriter } from './bit-writer.js';
import { SPLICE_COMMAND_TYPE } from './types.js';
import type { SpliceCommand, SpliceInsert, SpliceTime } from './types.js';

/** splice_time(): flag + 6 reserved + 33-bit pts, or flag + 7 reserved. */
export function writeSpliceTime(w: BitWriter, time: SpliceTime): void {
  if (time.ptsTime === undefined) {
    w.writeFlag(false).writeReserved(7);
  } else {
    w.writeFlag(true).writeReserved(6).writeBits(time.ptsTime, 33);
  }
}

function writeSpliceInsert(w: BitWriter, c: SpliceInsert): void {
  w.writeBits(c.spliceEventId, 32).writeFlag(c.spliceEventCancelIndicator).writeReserved(7);
  if (c.spliceEventCancelIndicator) return;

  w.writeFlag(c.outOfNetworkIndicator)
    .writeFlag(c.programSpliceFlag)
    .writeFlag(c.durationFlag)
    .writeFlag(c.spliceImmediateFlag)
    .writeFlag(c.eventIdComplianceFlag ?? true)
    .writeReserved(3);

  if (c.programSpliceFlag) {
    if (!c.spliceImmediateFlag) {
      if (!c.spliceTime) throw new Error('splice_insert: spliceTime required when not immediate');
      writeSpliceTime(w, c.spliceTime);
    }
  } else {
    const components = c.components ?? [];
    w.writeBits(components.length, 8);
    for (const comp of components) {
      w.writeBits(comp.componentTag, 8);
      if (!c.spliceImmediateFlag) {
        if (!comp.spliceTime) throw new Error('splice_insert: component spliceTime required when not immediate');
        writeSpliceTime(w, comp.spliceTime);
      }
    }
  }

  if (c.durationFlag) {
    if (!c.breakDuration) throw new Error('splice_insert: breakDuration required when durationFlag is set');
    // break_duration(): auto_return 1 + reserved 6 + duration 33.
    w.writeFlag(c.breakDuration.autoReturn).writeReserved(6).writeBits(c.breakDuration.duration, 33);
  }

  w.writeBits(c.uniqueProgramId, 16).writeBits(c.availNum, 8).writeBits(c.availsExpected, 8);
}

/** The splice_command_type byte for a command. */
export function spliceCommandType(cmd: SpliceCommand): number {
  return SPLICE_COMMAND_TYPE[cmd.type];
}

/** Body of the command (what splice_command_length counts), without the type byte. */
export function encodeSpliceCommand(cmd: SpliceCommand): Uint8Array {
  const w = new BitWriter();
  switch (cmd.type) {
    case 'splice_null':
    case 'bandwidth_reservation':
      break;
    case 'splice_insert':
      writeSpliceInsert(w, cmd);
      break;
    case 'time_signal':
      writeSpliceTime(w, cmd.spliceTime);
      break;
    case 'private_command':
      w.writeBits(cmd.identifier, 32).writeBytes(cmd.privateBytes);
      break;
  }
  return w.bytes();
}
