#include "edge/httphead.h"

#include <array>
#include <string_view>

namespace chamber::edge {

namespace {

// RFC 9110 5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" /
// "_" / "`" / "|" / "~" / DIGIT / ALPHA. A table: it is looked up for every byte of methods
// and field names.
constexpr std::array<bool, 256> kTchar = [] {
    std::array<bool, 256> table {};
    for (int c = 0; c < 256; ++c)
        table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    for (char c : std::string_view("!#$%&'*+-.^_`|~"))
        table[uchar(c)] = true;
    return table;
}();

bool isTchar(uchar c)
{
    return kTchar[c];
}

// What an origin-form target may hold: visible ASCII without the fragment's '#'. Stricter
// RFC 3986 sets would refuse what browsers really send unencoded in queries ('|', '{', '^').
bool isTargetChar(uchar c)
{
    return c > 0x20 && c < 0x7F && c != '#';
}

// field-value bytes: VCHAR, obs-text, SP and HTAB; no other control character, no DEL.
bool isValueChar(uchar c)
{
    return c == '\t' || (c >= 0x20 && c != 0x7F);
}

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmedOws(QByteArrayView value)
{
    while (!value.isEmpty() && isOws(value.front()))
        value = value.sliced(1);
    while (!value.isEmpty() && isOws(value.back()))
        value.chop(1);
    return value;
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// Calls `f` with each element of a comma-separated list (RFC 9110 5.6.1), OWS trimmed, empty
// elements skipped.
template<typename F>
void forEachListElement(QByteArrayView list, F f)
{
    while (!list.isEmpty()) {
        const qsizetype comma = list.indexOf(',');
        const QByteArrayView element = comma < 0 ? list : list.first(comma);
        list = comma < 0 ? QByteArrayView() : list.sliced(comma + 1);
        const QByteArrayView trimmed = trimmedOws(element);
        if (!trimmed.isEmpty())
            f(trimmed);
    }
}

// Content-Length: 1*DIGIT, at most 2^53 (what a JSON number holds exactly).
std::optional<qint64> parseContentLength(QByteArrayView value)
{
    constexpr qint64 max = qint64(1) << 53;
    if (value.isEmpty())
        return std::nullopt;
    qint64 result = 0;
    for (char c : value) {
        if (c < '0' || c > '9')
            return std::nullopt;
        result = result * 10 + (c - '0');
        if (result > max) // checked on every digit: never overflows
            return std::nullopt;
    }
    return result;
}

// A line is judged as far as it has arrived: `complete` says whether its CRLF was seen.
// Errors found in a prefix are the same as in the whole line, so a head split anywhere gives
// the same answer as the head at once.
enum class LineState { Partial, Done, Error };

struct Refusal
{
    int status = 400;
    QString reason;
};

struct RequestLine
{
    QByteArrayView method;
    QByteArrayView target;
    int versionMinor = 1;
};

LineState parseRequestLine(QByteArrayView line, bool complete, RequestLine *out, Refusal *refusal)
{
    const auto fail = [&](int status, QString reason) {
        *refusal = {status, std::move(reason)};
        return LineState::Error;
    };
    const auto ended = [&] {
        return complete ? fail(400, QStringLiteral("malformed request line")) : LineState::Partial;
    };
    const qsizetype n = line.size();
    const auto at = [&](qsizetype i) { return uchar(line[i]); };

    qsizetype i = 0;
    while (i < n && isTchar(at(i)))
        ++i;
    if (i == n)
        return ended();
    if (i == 0 || at(i) != ' ')
        return fail(400, QStringLiteral("the method is not a token"));
    out->method = line.first(i);

    const qsizetype targetStart = ++i;
    if (i == n)
        return ended();
    if (at(i) != '/')
        return fail(400, QStringLiteral("the request target is not origin-form"));
    while (i < n && isTargetChar(at(i)))
        ++i;
    if (i == n)
        return ended();
    if (at(i) != ' ') {
        return fail(400,
            at(i) == '#' ? QStringLiteral("the request target has a fragment")
                         : QStringLiteral("the request target has a character not allowed"));
    }
    out->target = line.sliced(targetStart, i - targetStart);

    // HTTP-version = "HTTP/" DIGIT "." DIGIT, and nothing after it.
    static constexpr char pattern[] = "HTTP/0.0";
    const qsizetype versionStart = ++i;
    for (qsizetype k = 0; k < 8; ++k) {
        if (versionStart + k == n)
            return ended();
        const uchar c = at(versionStart + k);
        const bool ok = pattern[k] == '0' ? (c >= '0' && c <= '9') : c == uchar(pattern[k]);
        if (!ok)
            return fail(400, QStringLiteral("malformed HTTP version"));
    }
    if (n != versionStart + 8)
        return fail(400, QStringLiteral("malformed request line"));
    if (!complete)
        return LineState::Partial;
    const char major = line[versionStart + 5];
    const char minor = line[versionStart + 7];
    if (major != '1' || (minor != '0' && minor != '1'))
        return fail(505, QStringLiteral("only HTTP/1.0 and HTTP/1.1 are supported"));
    out->versionMinor = minor - '0';
    return LineState::Done;
}

LineState parseFieldLine(QByteArrayView line, bool complete, QByteArrayView *name,
    QByteArrayView *value, Refusal *refusal)
{
    const auto fail = [&](QString reason) {
        *refusal = {400, std::move(reason)};
        return LineState::Error;
    };
    const qsizetype n = line.size();
    if (n > 0 && isOws(line[0]))
        return fail(QStringLiteral("a folded header line (obs-fold) or whitespace before a name"));
    qsizetype i = 0;
    while (i < n && isTchar(uchar(line[i])))
        ++i;
    if (i == n)
        return complete ? fail(QStringLiteral("a header line without a colon"))
                        : LineState::Partial;
    if (line[i] != ':') {
        return fail(isOws(line[i]) ? QStringLiteral("whitespace before a header's colon")
                                   : QStringLiteral("a header name that is not a token"));
    }
    if (i == 0)
        return fail(QStringLiteral("a header line without a name"));
    for (qsizetype k = i + 1; k < n; ++k) {
        if (!isValueChar(uchar(line[k])))
            return fail(QStringLiteral("a control character in a header value"));
    }
    if (!complete)
        return LineState::Partial;
    *name = line.first(i);
    *value = trimmedOws(line.sliced(i + 1));
    return LineState::Done;
}

class HeadParser
{
public:
    HeadParser(QByteArrayView buffer, const HttpHeadLimits &limits)
        : m_buffer(buffer)
        , m_limits(limits)
        // Nothing past the limit is ever looked at: the answer is the same however much
        // more a client sent.
        , m_window(buffer.first(qBound(qsizetype(0), limits.maxHeadBytes, buffer.size())))
    { }

    HttpHeadParse run()
    {
        qsizetype pos = 0;
        // RFC 9112 2.2: empty lines before the request line are ignored.
        while (pos + 1 < m_window.size() && m_window[pos] == '\r' && m_window[pos + 1] == '\n')
            pos += 2;

        bool requestLineDone = false;
        for (;;) {
            // A line without its LF yet is judged as far as it came (a CR at its end may be
            // followed by the LF); a line ending in LF without CR is judged as far as that too,
            // then refused, so that its prefixes and it give the same answer.
            const qsizetype lf = m_window.indexOf('\n', pos);
            const bool complete = lf > pos && m_window[lf - 1] == '\r';
            QByteArrayView line = m_window.sliced(pos, (lf < 0 ? m_window.size() : lf) - pos);
            if (line.endsWith('\r'))
                line.chop(1);

            if (!requestLineDone) {
                RequestLine request;
                if (parseRequestLine(line, complete, &request, &m_refusal) == LineState::Error)
                    return refused();
                if (!complete)
                    return incompleteLine(lf, requestLineDone);
                m_result.head.method = request.method.toByteArray();
                m_result.head.target = request.target.toByteArray();
                m_result.head.versionMinor = request.versionMinor;
                requestLineDone = true;
                pos = lf + 1;
                continue;
            }
            if (complete && line.isEmpty())
                return done(lf + 1);
            QByteArrayView name;
            QByteArrayView value;
            if (parseFieldLine(line, complete, &name, &value, &m_refusal) == LineState::Error)
                return refused();
            if (!complete)
                return incompleteLine(lf, requestLineDone);
            // The line first, the count after: a prefix of the head judges that line too.
            if (m_result.head.headers.size() >= m_limits.maxHeaderCount)
                return refuse(
                    431, QStringLiteral("more than %1 header fields").arg(m_limits.maxHeaderCount));
            if (!addField(name.toByteArray().toLower(), value))
                return refused();
            pos = lf + 1;
        }
    }

private:
    // The line at the end has no CRLF (and what came of it is fine so far): refuse an LF
    // without CR, or wait, or give up at the limit.
    HttpHeadParse incompleteLine(qsizetype lf, bool requestLineDone)
    {
        if (lf >= 0)
            return refuse(400, QStringLiteral("a line ending in LF without CR"));
        // With maxHeadBytes bytes here and no end among them, the head can only be longer.
        if (m_buffer.size() < m_limits.maxHeadBytes)
            return {}; // NeedMore
        if (!requestLineDone)
            return refuse(414,
                QStringLiteral("the request line is longer than %1 bytes")
                    .arg(m_limits.maxHeadBytes));
        return refuse(431,
            QStringLiteral("the request head is longer than %1 bytes").arg(m_limits.maxHeadBytes));
    }

    bool addField(QByteArray name, QByteArrayView value)
    {
        HttpHead &head = m_result.head;
        if (name == "content-length") {
            if (head.contentLength)
                return fail(QStringLiteral("Content-Length given more than once"));
            if (m_transferEncoding)
                return fail(QStringLiteral("Content-Length together with Transfer-Encoding"));
            head.contentLength = parseContentLength(value);
            if (!head.contentLength)
                return fail(QStringLiteral("Content-Length is not a number up to 2^53"));
        } else if (name == "transfer-encoding") {
            if (head.contentLength)
                return fail(QStringLiteral("Content-Length together with Transfer-Encoding"));
            m_transferEncoding = true;
        } else if (name == "host") {
            if (m_host)
                return fail(QStringLiteral("Host given more than once"));
            m_host = true;
        } else if (name == "connection") {
            forEachListElement(value, [this](QByteArrayView option) {
                if (equalsIgnoringCase(option, "close"))
                    m_connectionClose = true;
                else if (equalsIgnoringCase(option, "keep-alive"))
                    m_connectionKeepAlive = true;
                else if (equalsIgnoringCase(option, "upgrade"))
                    m_connectionUpgrade = true;
            });
        } else if (name == "upgrade") {
            forEachListElement(value, [this](QByteArrayView protocol) {
                if (equalsIgnoringCase(protocol, "websocket"))
                    m_upgradeWebSocket = true;
            });
        }
        head.headers.append({std::move(name), value.toByteArray()});
        return true;
    }

    HttpHeadParse done(qsizetype consumed)
    {
        if (m_transferEncoding)
            return refuse(
                411, QStringLiteral("Transfer-Encoding is not accepted: send a Content-Length"));
        HttpHead &head = m_result.head;
        head.keepAlive = !m_connectionClose && (head.versionMinor >= 1 || m_connectionKeepAlive);
        head.upgradeWebSocket = m_upgradeWebSocket && m_connectionUpgrade;
        m_result.status = HttpHeadParse::Status::Complete;
        m_result.consumed = consumed;
        return std::move(m_result);
    }

    bool fail(QString reason)
    {
        m_refusal = {400, std::move(reason)};
        return false;
    }

    HttpHeadParse refuse(int status, QString reason)
    {
        m_refusal = {status, std::move(reason)};
        return refused();
    }

    HttpHeadParse refused()
    {
        HttpHeadParse result;
        result.status = HttpHeadParse::Status::Refused;
        result.httpStatus = m_refusal.status;
        result.reason = std::move(m_refusal.reason);
        return result;
    }

    QByteArrayView m_buffer;
    const HttpHeadLimits &m_limits;
    QByteArrayView m_window;
    HttpHeadParse m_result;
    Refusal m_refusal;
    bool m_transferEncoding = false;
    bool m_host = false;
    bool m_connectionClose = false;
    bool m_connectionKeepAlive = false;
    bool m_connectionUpgrade = false;
    bool m_upgradeWebSocket = false;
};

} // namespace

QByteArray HttpHead::value(QByteArrayView lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

bool HttpHead::has(QByteArrayView lowerName) const
{
    for (const auto &header : headers) {
        if (header.first == lowerName)
            return true;
    }
    return false;
}

HttpHeadParse parseHttpHead(QByteArrayView buffer, const HttpHeadLimits &limits)
{
    return HeadParser(buffer, limits).run();
}

} // namespace chamber::edge
