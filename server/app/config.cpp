#include "app/config.h"

#include <QHostAddress>
#include <QRegularExpression>

#include <array>
#include <functional>

namespace chamber::app {

namespace {

using Setter = std::function<std::optional<QString>(ServerConfig &, const QString &)>;

struct Key
{
    const char *section;
    const char *name;
    Setter set; // returns an error message, or nullopt
};

std::optional<QString> setInteger(const QString &value, qint64 min, qint64 max, qint64 *out)
{
    bool ok = false;
    const qint64 number = value.toLongLong(&ok);
    if (!ok || number < min || number > max)
        return QStringLiteral("expected a whole number from %1 to %2, got \"%3\"")
            .arg(min)
            .arg(max)
            .arg(value.left(40));
    *out = number;
    return std::nullopt;
}

std::optional<QString> setInt(const QString &value, int min, int max, int *out)
{
    qint64 number = 0;
    auto error = setInteger(value, min, max, &number);
    if (!error)
        *out = int(number);
    return error;
}

// Seconds in the file, milliseconds in the limits.
std::optional<QString> setMilliseconds(const QString &value, int *out)
{
    qint64 seconds = 0;
    auto error = setInteger(value, 1, 3600, &seconds);
    if (!error)
        *out = int(seconds * 1000);
    return error;
}

std::optional<QString> setBoolean(const QString &value, bool *out)
{
    const QString lower = value.toLower();
    if (lower == QLatin1String("true") || lower == QLatin1String("yes")
        || lower == QLatin1String("on"))
        *out = true;
    else if (lower == QLatin1String("false") || lower == QLatin1String("no")
        || lower == QLatin1String("off"))
        *out = false;
    else
        return QStringLiteral("expected true or false, got \"%1\"").arg(value.left(40));
    return std::nullopt;
}

const std::array<Key, 41> &keys()
{
    static const std::array<Key, 41> table {
        Key {"server", "listen",
            [](ServerConfig &c, const QString &v) -> std::optional<QString> {
                auto address = parseListenAddress(v);
                if (!address)
                    return address.error().message;
                c.listen = address.value();
                return std::nullopt;
            }},
        Key {"server", "public-address",
            [](ServerConfig &c, const QString &v) -> std::optional<QString> {
                auto address = parsePublicAddress(v);
                if (!address)
                    return address.error().message;
                c.publicHost = address->host;
                c.publicPort = address->port;
                return std::nullopt;
            }},
        Key {"server", "data",
            [](ServerConfig &c, const QString &v) -> std::optional<QString> {
                if (!v.startsWith(u'/'))
                    return QStringLiteral("the data directory must be an absolute path");
                c.dataDir = v;
                return std::nullopt;
            }},
        Key {"server", "demo",
            [](ServerConfig &c, const QString &v) { return setBoolean(v, &c.demo); }},
        Key {"log", "format",
            [](ServerConfig &c, const QString &v) -> std::optional<QString> {
                if (v == QLatin1String("auto"))
                    c.logFormat = LogFormat::Auto;
                else if (v == QLatin1String("json"))
                    c.logFormat = LogFormat::Json;
                else if (v == QLatin1String("text"))
                    c.logFormat = LogFormat::Text;
                else
                    return QStringLiteral("expected auto, json or text");
                return std::nullopt;
            }},
        Key {"log", "level",
            [](ServerConfig &c, const QString &v) -> std::optional<QString> {
                static const QStringList levels {QStringLiteral("debug"), QStringLiteral("info"),
                    QStringLiteral("warning"), QStringLiteral("error")};
                if (!levels.contains(v))
                    return QStringLiteral("expected debug, info, warning or error");
                c.logLevel = v;
                return std::nullopt;
            }},
        Key {"sync", "resume-window",
            [](ServerConfig &c, const QString &v) {
                return setInteger(v, 0, 10000000, &c.resumeWindow);
            }},
        Key {"sync", "hello-timeout",
            [](ServerConfig &c, const QString &v) {
                qint64 seconds = 0;
                auto error = setInteger(v, 1, 3600, &seconds);
                c.helloTimeoutSeconds = int(seconds);
                return error;
            }},
        Key {"sync", "max-backlog-mib",
            [](ServerConfig &c, const QString &v) {
                return setInteger(v, 1, 1024, &c.maxBacklogMiB);
            }},
        Key {"documents", "max-upload-mib",
            [](ServerConfig &c, const QString &v) {
                return setInteger(v, 1, 4096, &c.maxUploadMiB);
            }},
        Key {"documents", "office-converter",
            [](ServerConfig &c, const QString &v) -> std::optional<QString> {
                // A program name is looked up on PATH; a path must be absolute, so what runs
                // does not depend on the working directory.
                if (v.contains(u'/') && !v.startsWith(u'/'))
                    return QStringLiteral(
                        "expected an absolute path or a program name on PATH (empty: soffice)");
                c.officeConverter = v;
                return std::nullopt;
            }},
        Key {"documents", "conversion-timeout",
            [](ServerConfig &c, const QString &v) {
                qint64 seconds = 0;
                auto error = setInteger(v, 1, 3600, &seconds);
                c.conversionTimeoutSeconds = int(seconds);
                return error;
            }},
        Key {"documents", "conversion-memory-mib",
            [](ServerConfig &c, const QString &v) {
                return setInteger(v, 128, 1024 * 1024, &c.conversionMemoryMiB);
            }},
        Key {"documents", "max-unpacked-mib",
            [](ServerConfig &c, const QString &v) {
                return setInteger(v, 1, 1024 * 1024, &c.maxUnpackedMiB);
            }},
        Key {"documents", "max-conversions",
            [](ServerConfig &c, const QString &v) {
                qint64 count = 0;
                auto error = setInteger(v, 1, 16, &count);
                c.maxConversions = int(count);
                return error;
            }},
        Key {"documents", "max-waiting-conversions",
            [](ServerConfig &c, const QString &v) {
                qint64 count = 0;
                auto error = setInteger(v, 0, 1000, &count);
                c.maxWaitingConversions = int(count);
                return error;
            }},
        Key {"documents", "max-annotation-kib",
            [](ServerConfig &c, const QString &v) {
                return setInteger(v, 1, 1024 * 1024, &c.maxAnnotationKiB);
            }},
        // The network edge (server/edge/edgelimits.h says why each default is what it is).
        Key {"network", "io-threads",
            [](ServerConfig &c, const QString &v) {
                return setInt(v, 1, 64, &c.network.ioThreads);
            }},
        Key {"network", "max-connections",
            [](ServerConfig &c, const QString &v) {
                return setInt(v, 16, 1000000, &c.network.maxConnections);
            }},
        Key {"network", "max-connections-per-address",
            [](ServerConfig &c, const QString &v) {
                return setInt(v, 1, 1000000, &c.network.maxConnectionsPerAddress);
            }},
        Key {"network", "max-handshakes",
            [](ServerConfig &c, const QString &v) {
                return setInt(v, 1, 100000, &c.network.maxHandshakes);
            }},
        Key {"network", "max-handshakes-per-address",
            [](ServerConfig &c, const QString &v) {
                return setInt(v, 1, 100000, &c.network.maxHandshakesPerAddress);
            }},
        Key {"network", "accept-burst-per-address",
            [](ServerConfig &c, const QString &v) {
                qint64 burst = 0;
                auto error = setInteger(v, 1, 1000000, &burst);
                c.network.acceptBudgetPerAddress.burst = double(burst);
                return error;
            }},
        Key {"network", "accept-rate-per-address",
            [](ServerConfig &c, const QString &v) {
                qint64 rate = 0;
                auto error = setInteger(v, 0, 1000000, &rate);
                c.network.acceptBudgetPerAddress.perSecond = double(rate);
                return error;
            }},
        Key {"network", "trust-loopback",
            [](ServerConfig &c, const QString &v) {
                return setBoolean(v, &c.network.trustLoopback);
            }},
        Key {"network", "handshake-timeout",
            [](ServerConfig &c, const QString &v) {
                return setMilliseconds(v, &c.network.handshakeTimeoutMs);
            }},
        Key {"network", "head-timeout",
            [](ServerConfig &c, const QString &v) {
                return setMilliseconds(v, &c.network.headTimeoutMs);
            }},
        Key {"network", "idle-timeout",
            [](ServerConfig &c, const QString &v) {
                return setMilliseconds(v, &c.network.idleTimeoutMs);
            }},
        Key {"network", "connection-burst",
            [](ServerConfig &c, const QString &v) {
                qint64 burst = 0;
                auto error = setInteger(v, 1, 1000000, &burst);
                c.network.connectionBudget.burst = double(burst);
                return error;
            }},
        Key {"network", "connection-rate",
            [](ServerConfig &c, const QString &v) {
                qint64 rate = 0;
                auto error = setInteger(v, 0, 1000000, &rate);
                c.network.connectionBudget.perSecond = double(rate);
                return error;
            }},
        Key {"media", "enabled",
            [](ServerConfig &c, const QString &v) { return setBoolean(v, &c.mediaEnabled); }},
        Key {"media", "program",
            [](ServerConfig &c, const QString &v) -> std::optional<QString> {
                if (v.contains(u'/') && !v.startsWith(u'/'))
                    return QStringLiteral("expected an absolute path or a program name on PATH");
                c.mediaProgram = v;
                return std::nullopt;
            }},
        Key {"media", "arguments",
            [](ServerConfig &c, const QString &v) -> std::optional<QString> {
                // Split on blanks; chamber-media refuses what it does not know (exit 2), and a
                // device name never needs a blank.
                const QStringList arguments = v.simplified().split(u' ', Qt::SkipEmptyParts);
                // The firewall opens [media] ice-ports; a range given here it would not know.
                if (arguments.contains(QLatin1String("--ice-ports")))
                    return QStringLiteral(
                        "set the ICE port range with [media] ice-ports (the firewall reads it), "
                        "not with --ice-ports here");
                c.mediaArguments = arguments;
                return std::nullopt;
            }},
        Key {"media", "ice-ports",
            [](ServerConfig &c, const QString &v) -> std::optional<QString> {
                auto range = parsePortRange(v, 1024);
                if (!range)
                    return range.error().message;
                c.mediaIcePorts = range.value();
                return std::nullopt;
            }},
        Key {"firewall", "enabled",
            [](ServerConfig &c, const QString &v) { return setBoolean(v, &c.firewallEnabled); }},
        Key {"firewall", "also-open",
            [](ServerConfig &c, const QString &v) -> std::optional<QString> {
                std::vector<OpenPort> openings;
                for (const QString &item : v.simplified().split(u' ', Qt::SkipEmptyParts)) {
                    const QString protocol = item.section(u'/', 0, 0);
                    if (!item.contains(u'/')
                        || (protocol != QLatin1String("tcp") && protocol != QLatin1String("udp")))
                        return QStringLiteral(
                            "expected tcp/PORT or udp/FIRST-LAST items, got \"%1\"")
                            .arg(item.left(40));
                    auto range = parsePortRange(item.section(u'/', 1), 1);
                    if (!range)
                        return range.error().message;
                    openings.push_back({protocol, range.value()});
                }
                c.firewallAlsoOpen = openings;
                return std::nullopt;
            }},
        Key {"limits", "device-burst",
            [](ServerConfig &c, const QString &v) {
                return setInt(v, 1, 1000000, &c.deviceBurst);
            }},
        Key {"limits", "device-per-second",
            [](ServerConfig &c, const QString &v) {
                return setInt(v, 0, 1000000, &c.devicePerSecond);
            }},
        Key {"limits", "auth-failures",
            [](ServerConfig &c, const QString &v) {
                return setInt(v, 1, 1000000, &c.authFailures);
            }},
        Key {"limits", "auth-window",
            [](ServerConfig &c, const QString &v) {
                return setInt(v, 1, 86400, &c.authWindowSeconds);
            }},
        Key {"limits", "auth-max-backoff",
            [](ServerConfig &c, const QString &v) {
                return setInt(v, 1, 86400, &c.authMaxBackoffSeconds);
            }},
    };
    return table;
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> previous(size_t(b.size()) + 1);
    std::vector<int> current(previous.size());
    for (size_t j = 0; j < previous.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[size_t(j - 1)] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[size_t(j)]
                = std::min({previous[size_t(j)] + 1, current[size_t(j - 1)] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous.back();
}

QString suggestion(const QString &section, const QString &name)
{
    QString best;
    int bestDistance = 3; // only close typos are worth suggesting
    for (const Key &key : keys()) {
        const QString candidate = QLatin1String(key.section) == section
            ? QString::fromLatin1(key.name)
            : QStringLiteral("[%1] %2").arg(QLatin1String(key.section), QLatin1String(key.name));
        const int distance = editDistance(name, QString::fromLatin1(key.name));
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best.isEmpty() ? QString() : QStringLiteral(" (did you mean %1?)").arg(best);
}

} // namespace

Result<PortRange> parsePortRange(const QString &text, int lowest)
{
    const QStringList parts = text.trimmed().split(u'-');
    auto port = [lowest](const QString &part) {
        bool ok = false;
        const uint value = part.trimmed().toUInt(&ok);
        return ok && int(value) >= lowest && value <= 65535 ? int(value) : -1;
    };
    const int first = parts.size() <= 2 ? port(parts.first()) : -1;
    const int last = parts.size() == 2 ? port(parts.last()) : first;
    if (first < 0 || last < 0 || last < first)
        return makeError(ErrorCode::BadField,
            QStringLiteral("expected PORT or FIRST-LAST with ports from %1 to 65535, first "
                           "not above last, got \"%2\"")
                .arg(lowest)
                .arg(text.left(40)));
    return PortRange {quint16(first), quint16(last)};
}

std::vector<OpenPort> firewallOpenings(const ServerConfig &config)
{
    std::vector<OpenPort> openings;
    if (!config.firewallEnabled)
        return openings;
    if (config.listen.port != 0) // 0 (a free port, tests) cannot be opened in advance
        openings.push_back({QStringLiteral("tcp"), {config.listen.port, config.listen.port}});
    if (config.mediaEnabled)
        openings.push_back({QStringLiteral("udp"), config.mediaIcePorts});
    openings.insert(openings.end(), config.firewallAlsoOpen.begin(), config.firewallAlsoOpen.end());
    return openings;
}

QString describeFirewall(const ServerConfig &config)
{
    QStringList lines {
        config.firewallEnabled ? QStringLiteral("firewall on") : QStringLiteral("firewall off")};
    for (const OpenPort &opening : firewallOpenings(config)) {
        lines << (opening.ports.first == opening.ports.last
                ? QStringLiteral("%1 %2").arg(opening.protocol).arg(opening.ports.first)
                : QStringLiteral("%1 %2-%3")
                      .arg(opening.protocol)
                      .arg(opening.ports.first)
                      .arg(opening.ports.last));
    }
    return lines.join(u'\n');
}

Result<ListenAddress> parseListenAddress(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon < 0)
        return makeError(ErrorCode::BadField,
            QStringLiteral("listen address \"%1\" must be HOST:PORT").arg(text.left(60)));
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty())
        host = QStringLiteral("0.0.0.0");
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return makeError(ErrorCode::BadField,
            QStringLiteral("port in \"%1\" must be 0 to 65535").arg(text.left(60)));
    if (QHostAddress(host).isNull() && host != QLatin1String("localhost"))
        return makeError(ErrorCode::BadField,
            QStringLiteral("\"%1\" is not an IP address (or localhost)").arg(host.left(60)));
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    return ListenAddress {host, quint16(port)};
}

Result<ListenAddress> parsePublicAddress(const QString &text)
{
    const QString trimmed = text.trimmed();
    QString host = trimmed;
    QString port;
    if (trimmed.startsWith(u'[')) { // [v6] or [v6]:port
        const qsizetype close = trimmed.indexOf(u']');
        host = trimmed.mid(1, close - 1);
        const QString rest = close < 0 ? QStringLiteral("?") : trimmed.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(u':'))
            host.clear();
        port = rest.mid(1);
    } else if (trimmed.count(u':') == 1) { // host:port; more colons is a bare IPv6 address
        host = trimmed.section(u':', 0, 0);
        port = trimmed.section(u':', 1);
    }
    ListenAddress address {host, 0};
    if (!port.isEmpty() || trimmed.endsWith(u':')) {
        bool ok = false;
        const uint value = port.toUInt(&ok);
        if (!ok || value < 1 || value > 65535)
            return makeError(ErrorCode::BadField,
                QStringLiteral("port in \"%1\" must be 1 to 65535").arg(text.left(60)));
        address.port = quint16(value);
    }
    static const QRegularExpression hostName(
        QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,"
                       "61}[A-Za-z0-9])?)*$"));
    if (host.isEmpty() || (QHostAddress(host).isNull() && !hostName.match(host).hasMatch()))
        return makeError(ErrorCode::BadField,
            QStringLiteral("\"%1\" is not a host name or IP address").arg(text.left(60)));
    return address;
}

QString ConfigParse::describe(const QString &fileName) const
{
    QStringList lines;
    for (const ConfigProblem &problem : problems)
        lines << QStringLiteral("%1:%2: %3").arg(fileName).arg(problem.line).arg(problem.message);
    return lines.join(u'\n');
}

ConfigParse parseConfig(const QString &text, const ServerConfig &defaults)
{
    ConfigParse result;
    result.config = defaults;
    QString section;
    QStringList seen;
    const QStringList lines = text.split(u'\n');
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const int lineNumber = int(index) + 1;
        QString line = lines.at(index).trimmed();
        auto problem = [&](const QString &message) {
            result.problems.push_back({lineNumber, message});
        };
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']')) {
                problem(QStringLiteral("section header must end with ]"));
                continue;
            }
            section = line.mid(1, line.size() - 2).trimmed();
            bool known = false;
            for (const Key &key : keys())
                known = known || section == QLatin1String(key.section);
            if (!known) {
                problem(QStringLiteral("unknown section [%1]; expected [server], [log], [sync], "
                                       "[documents], [network], [media], [limits] or [firewall]")
                            .arg(section.left(40)));
                section = QStringLiteral("?");
            }
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0) {
            problem(QStringLiteral("expected key = value"));
            continue;
        }
        const QString name = line.left(equals).trimmed();
        QString value = line.mid(equals + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        if (section == QLatin1String("?"))
            continue; // already reported
        if (section.isEmpty()) {
            problem(QStringLiteral("\"%1\" is outside any [section]").arg(name.left(40)));
            continue;
        }
        const Key *match = nullptr;
        for (const Key &key : keys()) {
            if (section == QLatin1String(key.section) && name == QLatin1String(key.name))
                match = &key;
        }
        if (!match) {
            problem(QStringLiteral("unknown key \"%1\" in [%2]%3")
                        .arg(name.left(40), section, suggestion(section, name)));
            continue;
        }
        const QString qualified = section + u'.' + name;
        if (seen.contains(qualified)) {
            problem(QStringLiteral("\"%1\" is set twice in [%2]").arg(name, section));
            continue;
        }
        seen << qualified;
        if (auto error = match->set(result.config, value))
            problem(QStringLiteral("%1: %2").arg(name, *error));
    }
    return result;
}

} // namespace chamber::app
