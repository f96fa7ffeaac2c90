// GStreamer set-up and the small helpers every pipeline here uses: one initialisation, elements
// that are checked for at start (a missing plugin is a clear error, not a NULL deep inside),
// GStreamer's errors as chamber::Error.
#pragma once

#include "media/gstref.h"
#include "protocol/error.h"

#include <QLoggingCategory>
#include <QString>
#include <QStringList>

namespace chamber::media {

Q_DECLARE_LOGGING_CATEGORY(lcMedia)

// gst_init once per process (safe to call again). Call from the main thread before any pipeline.
void initGStreamer();

// Every named factory must exist; the error names the missing ones and the Debian package.
Status requireElements(const QStringList &factories);

// A new element, or an error naming the factory.
Result<ElementRef> makeElement(const char *factory, const QString &name = {});

// gst_parse_bin_from_description with ghost pads, as an Error when the description is wrong.
Result<ElementRef> parseBin(const QString &description);

// Error/warning messages from the bus: `field` names the element that posted it, `details`
// holds its path in the pipeline ("/pipeline0/peer-b-1/dtlssrtpenc0").
Error errorFromMessage(GstMessage *message);

// The monotonic time GStreamer's system clock uses, in nanoseconds.
qint64 monotonicNs();

} // namespace chamber::media
