// The watch page, served at /watch: a remote participant without the kiosk watches the
// chamber's programme in a browser (WebRTC, receive only), authorised by a bridge point's
// join link whose fragment the /join page hands on (/watch#v=1&t=<token>&p=<pin>).
#pragma once

#include "api/router.h"

namespace chamber::api {

// The HTML page (watchpage.cpp): self-contained, Vietnamese and English.
extern const char kWatchPage[];

// GET /watch: the page, no-store, a policy that allows only its inline script and style,
// connections to this server only, and neither camera nor microphone.
HttpReply watchPageReply();

} // namespace chamber::api
