"""Which events have been counted already, in a table of fixed size.

Overlapping copies of a log repeat its events. Folding an event again changes nothing
(`progress`), so every event is folded; this table only tells a repeat apart, for the
summary's counts. It holds a 32-bit fingerprint of each event's key (the hash of its line)
in one of 2**20 slots chosen by 20 other bits of the key, found by linear probing: 4 MiB,
allocated whatever the size of the logs, so that memory does not grow with them.

An event not seen before is taken for a repeat when an occupied slot on its probe path holds
its fingerprint: a chance of (occupied slots probed) / 2**32. The table is filled to at most
three quarters (786,432 events in each process reading the logs), where an unsuccessful
search probes 8.5 slots on average, 7.5 of them occupied: a chance under 2 in a billion per
event. Emptier, it is far less: with 60,000 events in the table (a process's share of a
1,000,000-line log at the benchmark's mix), 0.06 occupied slots probed, 1 in 70 billion.
Past three quarters an event is still folded and counted, but not remembered: a later
repeat of it is counted as an event, not a repeat.
"""

from __future__ import annotations

from array import array

SLOTS = 1 << 20
_FINGERPRINT = 0xFFFFFFFF


class Repeats:
    def __init__(self, slots: int = SLOTS) -> None:
        if slots & (slots - 1) or slots < 4:
            raise ValueError(f"the number of slots must be a power of two, not {slots}")
        self.table = array("I", [0]) * slots
        self.mask = slots - 1
        self.room = slots * 3 // 4  # events it may still remember

    def seen(self, key: int) -> bool:
        """True when an event with this key was seen before; remembers it otherwise.

        `key` is a 64-bit hash. Its low byte is not used for the slot: it decides which
        process reads the line (`reading`), so within one process it takes few values."""
        table = self.table
        mask = self.mask
        slot = (key >> 8) & mask
        fingerprint = (key >> 32) & _FINGERPRINT or 1
        while True:
            found = table[slot]
            if found == fingerprint:
                return True
            if not found:
                if self.room:
                    table[slot] = fingerprint
                    self.room -= 1
                return False
            slot = (slot + 1) & mask
