// Reading back what the recorder wrote: an Ogg stream of Opus audio, page by page (RFC 3533,
// RFC 7845). Used to measure a finished recording's duration and to salvage one that a crash
// cut short: the file is trusted up to its last complete page whose CRC is right, the rest (a
// page torn by the kill) is cut off. Qt Core only, so it is unit-tested without GStreamer.
#pragma once

#include "protocol/error.h"

#include <QByteArrayView>
#include <QString>

namespace chamber::media {

struct OggOpusScan
{
    qint64 goodBytes = 0; // end of the last complete, checksummed page
    qint64 pages = 0; // complete pages
    qint64 lastGranule = -1; // granule position of the last page that ends a packet
    int preSkip = 0; // from OpusHead: samples at 48 kHz the decoder drops
    bool opusHead = false; // the first page holds an OpusHead
    bool endOfStream = false; // the last good page carries the end-of-stream flag

    // Audio in the file: (last granule - pre-skip) at 48 kHz, never negative.
    qint64 durationMs() const;
};

// Scans bytes of an Ogg Opus file (or its beginning). Never fails: a file that is not Ogg gives
// goodBytes 0. Pages of other logical streams than the first are skipped.
OggOpusScan scanOggOpus(QByteArrayView bytes);

// scanOggOpus over a file, read a block at a time; an error when it cannot be read.
Result<OggOpusScan> scanOggOpusFile(const QString &path);

// The Ogg page checksum (CRC-32, polynomial 0x04c11db7, not reflected, initial 0) over `page`
// with its checksum field (bytes 22–25) counted as zero.
quint32 oggPageCrc(QByteArrayView page);

} // namespace chamber::media
