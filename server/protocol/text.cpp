#include "protocol/text.h"

#include <QChar>
#include <QStringDecoder>
#include <QUrl>

namespace chamber::protocol {

namespace {

struct NamedCodePoint
{
    char32_t codePoint;
    const char *name;
};

// The refused characters people are most likely to meet (pasted from Word, a web page or an
// attacker's file name), named as in the Unicode Character Database.
constexpr NamedCodePoint kNamed[] = {
    {0x0009, "CHARACTER TABULATION"},
    {0x000A, "LINE FEED"},
    {0x000D, "CARRIAGE RETURN"},
    {0x00AD, "SOFT HYPHEN"},
    {0x061C, "ARABIC LETTER MARK"},
    {0x180E, "MONGOLIAN VOWEL SEPARATOR"},
    {0x200B, "ZERO WIDTH SPACE"},
    {0x200C, "ZERO WIDTH NON-JOINER"},
    {0x200D, "ZERO WIDTH JOINER"},
    {0x200E, "LEFT-TO-RIGHT MARK"},
    {0x200F, "RIGHT-TO-LEFT MARK"},
    {0x2028, "LINE SEPARATOR"},
    {0x2029, "PARAGRAPH SEPARATOR"},
    {0x202A, "LEFT-TO-RIGHT EMBEDDING"},
    {0x202B, "RIGHT-TO-LEFT EMBEDDING"},
    {0x202C, "POP DIRECTIONAL FORMATTING"},
    {0x202D, "LEFT-TO-RIGHT OVERRIDE"},
    {0x202E, "RIGHT-TO-LEFT OVERRIDE"},
    {0x2060, "WORD JOINER"},
    {0x2061, "FUNCTION APPLICATION"},
    {0x2062, "INVISIBLE TIMES"},
    {0x2063, "INVISIBLE SEPARATOR"},
    {0x2064, "INVISIBLE PLUS"},
    {0x2066, "LEFT-TO-RIGHT ISOLATE"},
    {0x2067, "RIGHT-TO-LEFT ISOLATE"},
    {0x2068, "FIRST STRONG ISOLATE"},
    {0x2069, "POP DIRECTIONAL ISOLATE"},
    {0xFEFF, "ZERO WIDTH NO-BREAK SPACE"},
    {0xFFFD, "REPLACEMENT CHARACTER"},
};

const char *nameOf(char32_t codePoint)
{
    for (const auto &named : kNamed) {
        if (named.codePoint == codePoint)
            return named.name;
    }
    if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f))
        return "control character";
    if (codePoint >= 0xE0000 && codePoint <= 0xE007F)
        return "TAG character";
    if (QChar::category(codePoint) == QChar::Other_Format)
        return "invisible formatting character";
    return nullptr;
}

bool isNoncharacter(char32_t codePoint)
{
    return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
}

// Refused in labels; a lone surrogate comes as 0xD800..0xDFFF.
bool isRefused(char32_t codePoint)
{
    if (codePoint >= 0xD800 && codePoint <= 0xDFFF)
        return true;
    return nameOf(codePoint) != nullptr || isNoncharacter(codePoint);
}

// Calls `visit(codePoint)` for each code point; a lone surrogate is passed as itself.
template<typename Visit>
void forEachCodePoint(QStringView text, Visit visit)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            visit(QChar::surrogateToUcs4(c, text.at(i + 1)));
            ++i;
        } else {
            visit(char32_t(c.unicode()));
        }
    }
}

bool isWindowsReserved(char32_t codePoint)
{
    switch (codePoint) {
    case '/':
    case '\\':
    case ':':
    case '*':
    case '?':
    case '"':
    case '<':
    case '>':
    case '|':
        return true;
    default:
        return false;
    }
}

constexpr int kMaxFileNameBytes = 255;

QString trimDotsAndSpaces(const QString &text)
{
    qsizetype first = 0;
    qsizetype last = text.size();
    const auto junk = [](QChar c) { return c == u'.' || c.isSpace() || c == u'_'; };
    while (first < last && junk(text.at(first)))
        ++first;
    while (last > first && junk(text.at(last - 1)))
        --last;
    return text.mid(first, last - first);
}

// Cut to at most `bytes` of UTF-8 without splitting a character (or a surrogate pair).
QString cutToUtf8Bytes(const QString &text, int bytes)
{
    QString kept;
    int used = 0;
    bool full = false;
    forEachCodePoint(text, [&](char32_t codePoint) {
        if (full)
            return;
        const int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
        if (used + size > bytes) {
            full = true;
            return;
        }
        used += size;
        if (QChar::requiresSurrogates(codePoint)) {
            kept.append(QChar(QChar::highSurrogate(codePoint)));
            kept.append(QChar(QChar::lowSurrogate(codePoint)));
        } else {
            kept.append(QChar(char16_t(codePoint)));
        }
    });
    return kept;
}

} // namespace

QString describeCodePoint(char32_t codePoint)
{
    QString text = QStringLiteral("U+%1").arg(uint(codePoint), 4, 16, QLatin1Char('0')).toUpper();
    if (codePoint >= 0xD800 && codePoint <= 0xDFFF)
        return text + QStringLiteral(" (a lone surrogate)");
    if (const char *name = nameOf(codePoint))
        return text + u' ' + QLatin1String(name);
    if (isNoncharacter(codePoint))
        return text + QStringLiteral(" (a noncharacter)");
    return text;
}

std::optional<QString> labelProblem(QStringView text)
{
    std::optional<QString> problem;
    forEachCodePoint(text, [&](char32_t codePoint) {
        if (!problem && isRefused(codePoint))
            problem = QStringLiteral("contains %1").arg(describeCodePoint(codePoint));
    });
    return problem;
}

QString normalizedLabel(const QString &text)
{
    return text.normalized(QString::NormalizationForm_C).trimmed();
}

Result<QString> checkLabel(const QString &raw, const QString &field, const QString &what)
{
    const QString label = normalizedLabel(raw);
    if (auto problem = labelProblem(label))
        return makeError(ErrorCode::BadField, what + u' ' + *problem, field);
    return label;
}

Result<QString> decodeUtf8(QByteArrayView bytes, const QString &field, const QString &what)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return makeError(ErrorCode::BadField, what + QStringLiteral(" is not valid UTF-8"), field);
    return text;
}

QString safeFileName(const QString &label, const QString &extension)
{
    QString safe;
    forEachCodePoint(label.normalized(QString::NormalizationForm_C), [&](char32_t codePoint) {
        if (isRefused(codePoint) || isWindowsReserved(codePoint)) {
            if (!safe.endsWith(u'_'))
                safe.append(u'_');
        } else if (QChar::requiresSurrogates(codePoint)) {
            safe.append(QChar(QChar::highSurrogate(codePoint)));
            safe.append(QChar(QChar::lowSurrogate(codePoint)));
        } else {
            safe.append(QChar(char16_t(codePoint)));
        }
    });
    const QString suffix = extension.isEmpty() ? QString() : u'.' + extension;
    safe = trimDotsAndSpaces(safe);
    if (!suffix.isEmpty() && safe.endsWith(suffix, Qt::CaseInsensitive))
        safe = trimDotsAndSpaces(safe.chopped(suffix.size()));
    if (safe.isEmpty())
        safe = QStringLiteral("document");
    const int room = kMaxFileNameBytes - int(suffix.toUtf8().size());
    return trimDotsAndSpaces(cutToUtf8Bytes(safe, room)) + suffix;
}

QString asciiFileName(const QString &fileName)
{
    QString ascii;
    for (const QChar c : fileName.normalized(QString::NormalizationForm_D)) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue; // the diacritic of a decomposed letter
        if (c == u'đ')
            ascii.append(u'd');
        else if (c == u'Đ')
            ascii.append(u'D');
        else if (c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\' && c != u'%')
            ascii.append(c);
        else if (!ascii.endsWith(u'_'))
            ascii.append(u'_');
    }
    return ascii;
}

QByteArray contentDisposition(const QByteArray &disposition, const QString &fileName)
{
    // RFC 6266 / RFC 8187: attr-char is ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else
    // percent-encoded.
    return disposition + "; filename=\"" + asciiFileName(fileName).toLatin1()
        + "\"; filename*=UTF-8''" + fileName.toUtf8().toPercentEncoding("!#$&+.^_`|~");
}

} // namespace chamber::protocol
