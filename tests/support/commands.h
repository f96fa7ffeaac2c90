// Builds validated protocol messages for tests, failing loudly if a test writes an invalid one.
#pragma once

#include "protocol/message.h"

#include <QJsonObject>

namespace chamber::testing {

// `type` plus fields; an id is generated unless given. Aborts the test on schema errors:
// tests of invalid input call protocol::validateMessage directly.
protocol::Message command(const QString &type, QJsonObject fields = {});

// A request id unique within the test process.
QString nextRequestId();

} // namespace chamber::testing
