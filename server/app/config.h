// chamberd's configuration file: INI-style sections with key = value lines.
//
//   # /etc/chamber/chamberd.conf
//   [server]
//   listen = 0.0.0.0:8443
//   data = /var/lib/chamber
//   [log]
//   format = json
//   [limits]
//   device-burst = 60
//
// Unknown sections or keys, bad values and duplicates are errors with the file and line, so a
// typo never silently falls back to a default.
#pragma once

#include "edge/edgelimits.h"
#include "protocol/error.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace chamber::app {

enum class LogFormat { Auto, Json, Text };

struct ListenAddress
{
    QString host = QStringLiteral("0.0.0.0");
    quint16 port = 8443; // 0: any free port (tests)
};

struct ServerConfig
{
    ListenAddress listen;
    QString dataDir; // empty: the platform's per-user data location
    // Host (and port) devices reach the server at, as printed in join QR codes. Empty: the
    // listen address, or this machine's first non-loopback IPv4 address.
    QString publicHost;
    quint16 publicPort = 0; // 0: the port chamberd listens on
    bool demo = false;
    LogFormat logFormat = LogFormat::Auto;
    QString logLevel = QStringLiteral("info"); // debug, info, warning, error
    qint64 resumeWindow = 1000;
    int helloTimeoutSeconds = 10;
    qint64 maxBacklogMiB = 8;
    edge::EdgeLimits network; // [network]: connections, handshakes, timeouts, budgets
    qint64 maxUploadMiB = 100; // largest document a secretary may upload
    QString officeConverter; // LibreOffice's soffice; empty: found on PATH
    int conversionTimeoutSeconds = 120; // also LibreOffice's processor time limit
    qint64 conversionMemoryMiB = 1024; // RLIMIT_DATA of each LibreOffice process
    qint64 maxUnpackedMiB = 256; // what an office file's ZIP entries may unpack to, together
    int maxConversions = 2; // office conversions running at once
    int maxWaitingConversions = 4; // queued behind them; more are refused (503)
    qint64 maxAnnotationKiB = 4096; // largest encrypted annotation backup a tablet may store
    // [limits]: messages and REST requests an enrolled device may send at once and per second
    // (0 per second: no limit), and failed authentications an address may have within a
    // window before it waits (1 s, doubling up to the maximum while the failures go on).
    int deviceBurst = 60;
    int devicePerSecond = 20;
    int authFailures = 20;
    int authWindowSeconds = 60;
    int authMaxBackoffSeconds = 60;
    // Video bridges: chamberd runs chamber-media as a supervised child when enabled.
    bool mediaEnabled = false;
    QString mediaProgram; // empty: chamber-media beside chamberd, else on PATH
    QStringList mediaArguments; // passed to chamber-media as they are (it checks them)
    // Start on (and go on serving) an event log whose hash chain is broken: command line only
    // (--accept-broken-chain), never the file, so it is a decision for one start.
    bool acceptBrokenChain = false;
    // Off only in benchmarks, as the baseline of a start without any chain check.
    bool checkChain = true;
};

struct ConfigProblem
{
    int line = 0;
    QString message;
};

struct ConfigParse
{
    ServerConfig config;
    std::vector<ConfigProblem> problems;
    bool ok() const { return problems.empty(); }
    // "chamberd.conf:3: unknown key ..." one problem per line.
    QString describe(const QString &fileName) const;
};

// Starts from `defaults` and applies the file's settings.
ConfigParse parseConfig(const QString &text, const ServerConfig &defaults = {});

// "HOST:PORT", "[v6]:PORT" or ":PORT".
Result<ListenAddress> parseListenAddress(const QString &text);
// "HOST", "HOST:PORT" or "[v6]:PORT"; HOST may be a DNS name.
Result<ListenAddress> parsePublicAddress(const QString &text);

} // namespace chamber::app
