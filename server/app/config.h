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

// Inclusive, e.g. 50000-50999.
struct PortRange
{
    quint16 first = 0;
    quint16 last = 0;
    bool operator==(const PortRange &other) const = default;
};

// One hole in the firewall: "tcp 8443", "udp 50000-50999".
struct OpenPort
{
    QString protocol; // tcp or udp
    PortRange ports;
    bool operator==(const OpenPort &other) const = default;
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
    // UDP ports chamber-media's ICE agent may use (--ice-ports), so the firewall can open
    // exactly these; libnice would otherwise pick any ephemeral port.
    PortRange mediaIcePorts {50000, 50999};
    // [firewall]: chamber-firewall's table (nftables), built from this configuration.
    bool firewallEnabled = true;
    std::vector<OpenPort> firewallAlsoOpen; // e.g. tcp 22 for an SSH server
    // Start on (and go on serving) an event log whose hash chain is broken: command line only
    // (--accept-broken-chain), never the file, so it is a decision for one start.
    bool acceptBrokenChain = false;
    // Command line only, tests only: read "now" from this file (services/clock.h FileClock).
    QString testClockFile;
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

// What chamber-firewall opens for this configuration: the listen port (TCP), chamber-media's
// ICE ports (UDP) when video is on, and [firewall] also-open. Empty when the firewall is off.
std::vector<OpenPort> firewallOpenings(const ServerConfig &config);
// "firewall on|off", then one "PROTO PORT" or "PROTO FIRST-LAST" line per opening: what
// `chamberd --print-ports` prints for chamber-firewall.
QString describeFirewall(const ServerConfig &config);

// "FIRST-LAST" or "PORT", from `lowest` to 65535 (1024 for chamber-media's ICE ports: it runs
// unprivileged; 1 for holes such as tcp/22).
Result<PortRange> parsePortRange(const QString &text, int lowest);

// "HOST:PORT", "[v6]:PORT" or ":PORT".
Result<ListenAddress> parseListenAddress(const QString &text);
// "HOST", "HOST:PORT" or "[v6]:PORT"; HOST may be a DNS name.
Result<ListenAddress> parsePublicAddress(const QString &text);

} // namespace chamber::app
