#include "minutespdf/pdfsyntax.h"

#include <algorithm>
#include <cstring>
#include <optional>

namespace chamber::minutespdf::pdf {

namespace {

Error malformed(const QString &what)
{
    return makeError(ErrorCode::Invalid, QStringLiteral("malformed PDF: %1").arg(what));
}

bool isWhite(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

bool isDelimiter(char c)
{
    return std::strchr("()<>[]{}/%", c) != nullptr && c != '\0';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Reads objects from `file` starting at a position; never reads past the end.
class Reader
{
public:
    Reader(const QByteArray &file, qsizetype position)
        : m_data(file.constData())
        , m_size(file.size())
        , m_pos(position)
    { }

    qsizetype position() const { return m_pos; }
    bool atEnd() const { return m_pos >= m_size; }
    char peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_size ? m_data[m_pos + ahead] : '\0';
    }

    void skipWhite()
    {
        while (m_pos < m_size) {
            const char c = m_data[m_pos];
            if (isWhite(c)) {
                ++m_pos;
            } else if (c == '%') {
                while (m_pos < m_size && m_data[m_pos] != '\n' && m_data[m_pos] != '\r')
                    ++m_pos;
            } else {
                return;
            }
        }
    }

    bool expectKeyword(const char *keyword)
    {
        skipWhite();
        const qsizetype length = qsizetype(std::strlen(keyword));
        if (m_size - m_pos < length || std::memcmp(m_data + m_pos, keyword, size_t(length)) != 0)
            return false;
        if (m_pos + length < m_size && !isWhite(m_data[m_pos + length])
            && !isDelimiter(m_data[m_pos + length]))
            return false;
        m_pos += length;
        return true;
    }

    // A non-negative integer of at most 18 digits.
    std::optional<qint64> readUnsigned()
    {
        skipWhite();
        qint64 value = 0;
        int digits = 0;
        while (m_pos < m_size && isDigit(m_data[m_pos])) {
            if (++digits > 18)
                return std::nullopt;
            value = value * 10 + (m_data[m_pos] - '0');
            ++m_pos;
        }
        if (digits == 0
            || (m_pos < m_size && !isWhite(m_data[m_pos]) && !isDelimiter(m_data[m_pos])))
            return std::nullopt;
        return value;
    }

    Result<Object> readObject(int depth)
    {
        if (depth > kMaxDepth)
            return malformed(QStringLiteral("objects nested too deeply"));
        skipWhite();
        if (atEnd())
            return malformed(QStringLiteral("unexpected end of file"));
        Object object;
        object.start = m_pos;
        const char c = peek();
        Status status = success();
        if (c == '/') {
            status = readName(object);
        } else if (c == '(') {
            status = readLiteralString(object);
        } else if (c == '<' && peek(1) == '<') {
            status = readDictionary(object, depth);
        } else if (c == '<') {
            status = readHexString(object);
        } else if (c == '[') {
            status = readArray(object, depth);
        } else if (isDigit(c) || c == '+' || c == '-' || c == '.') {
            status = readNumberOrReference(object);
        } else if (expectKeyword("true") || expectKeyword("false")) {
            object.type = Object::Type::Boolean;
            object.boolean = m_data[object.start] == 't';
        } else if (expectKeyword("null")) {
            object.type = Object::Type::Null;
        } else {
            return malformed(QStringLiteral("unexpected byte at %1").arg(m_pos));
        }
        if (!status)
            return status.error();
        object.end = m_pos;
        return object;
    }

private:
    Status readName(Object &object)
    {
        ++m_pos; // '/'
        object.type = Object::Type::Name;
        while (m_pos < m_size && !isWhite(m_data[m_pos]) && !isDelimiter(m_data[m_pos])) {
            char c = m_data[m_pos++];
            if (c == '#') {
                const int high = hexValue(peek());
                const int low = hexValue(peek(1));
                if (high < 0 || low < 0)
                    return malformed(QStringLiteral("bad #xx escape in a name at %1").arg(m_pos));
                c = char(high * 16 + low);
                m_pos += 2;
            }
            if (object.bytes.size() >= 127)
                return malformed(QStringLiteral("name longer than 127 bytes at %1").arg(m_pos));
            object.bytes.append(c);
        }
        return success();
    }

    Status readLiteralString(Object &object)
    {
        ++m_pos; // '('
        object.type = Object::Type::String;
        int open = 1;
        while (m_pos < m_size) {
            char c = m_data[m_pos++];
            if (c == '(') {
                ++open;
            } else if (c == ')') {
                if (--open == 0)
                    return success();
            } else if (c == '\\') {
                if (m_pos >= m_size)
                    break;
                const char e = m_data[m_pos++];
                switch (e) {
                case 'n':
                    c = '\n';
                    break;
                case 'r':
                    c = '\r';
                    break;
                case 't':
                    c = '\t';
                    break;
                case 'b':
                    c = '\b';
                    break;
                case 'f':
                    c = '\f';
                    break;
                case '\r':
                    if (peek() == '\n')
                        ++m_pos;
                    continue;
                case '\n':
                    continue;
                default:
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int i = 0; i < 2 && peek() >= '0' && peek() <= '7'; ++i)
                            value = value * 8 + (m_data[m_pos++] - '0');
                        c = char(value & 0xff);
                    } else {
                        c = e; // \( \) \\ and any other escaped byte stand for themselves
                    }
                }
            }
            object.bytes.append(c);
        }
        return malformed(QStringLiteral("string not closed"));
    }

    Status readHexString(Object &object)
    {
        ++m_pos; // '<'
        object.type = Object::Type::String;
        int high = -1;
        while (m_pos < m_size) {
            const char c = m_data[m_pos++];
            if (c == '>') {
                if (high >= 0)
                    object.bytes.append(char(high * 16));
                return success();
            }
            if (isWhite(c))
                continue;
            const int value = hexValue(c);
            if (value < 0)
                return malformed(QStringLiteral("bad byte in a hex string at %1").arg(m_pos - 1));
            if (high < 0) {
                high = value;
            } else {
                object.bytes.append(char(high * 16 + value));
                high = -1;
            }
        }
        return malformed(QStringLiteral("hex string not closed"));
    }

    Status readArray(Object &object, int depth)
    {
        ++m_pos; // '['
        object.type = Object::Type::Array;
        for (;;) {
            skipWhite();
            if (atEnd())
                return malformed(QStringLiteral("array not closed"));
            if (peek() == ']') {
                ++m_pos;
                return success();
            }
            if (qsizetype(object.items.size()) >= kMaxItems)
                return malformed(QStringLiteral("array with too many items"));
            Result<Object> item = readObject(depth + 1);
            if (!item)
                return item.error();
            object.items.push_back(std::move(item).value());
        }
    }

    Status readDictionary(Object &object, int depth)
    {
        m_pos += 2; // '<<'
        object.type = Object::Type::Dictionary;
        for (;;) {
            skipWhite();
            if (atEnd())
                return malformed(QStringLiteral("dictionary not closed"));
            if (peek() == '>' && peek(1) == '>') {
                m_pos += 2;
                return success();
            }
            if (peek() != '/')
                return malformed(QStringLiteral("dictionary key is not a name at %1").arg(m_pos));
            if (qsizetype(object.keys.size()) >= kMaxItems)
                return malformed(QStringLiteral("dictionary with too many entries"));
            const qsizetype keyStart = m_pos;
            Object key;
            if (auto status = readName(key); !status)
                return status;
            if (std::find(object.keys.begin(), object.keys.end(), key.bytes) != object.keys.end())
                return malformed(QStringLiteral("key /%1 twice in a dictionary")
                                     .arg(QString::fromLatin1(key.bytes)));
            Result<Object> value = readObject(depth + 1);
            if (!value)
                return value.error();
            object.keys.push_back(key.bytes);
            object.keyStarts.push_back(keyStart);
            object.items.push_back(std::move(value).value());
        }
    }

    Status readNumberOrReference(Object &object)
    {
        const qsizetype start = m_pos;
        if (peek() == '+' || peek() == '-')
            ++m_pos;
        int digits = 0;
        bool point = false;
        while (m_pos < m_size && (isDigit(m_data[m_pos]) || (!point && m_data[m_pos] == '.'))) {
            if (m_data[m_pos] == '.')
                point = true;
            else
                ++digits;
            ++m_pos;
        }
        if (digits == 0 || digits > 18)
            return malformed(QStringLiteral("bad number at %1").arg(start));
        const QByteArray text(m_data + start, m_pos - start);
        if (point) {
            object.type = Object::Type::Real;
            object.bytes = text;
            return success();
        }
        object.type = Object::Type::Integer;
        object.integer = text.toLongLong();
        // "n g R" is a reference: look ahead without committing.
        if (object.integer >= 0 && text[0] != '+' && text[0] != '-') {
            const qsizetype saved = m_pos;
            const std::optional<qint64> generation = readUnsigned();
            if (generation && expectKeyword("R")) {
                object.type = Object::Type::Reference;
                object.generation = *generation;
                return success();
            }
            m_pos = saved;
        }
        return success();
    }

    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos;
};

} // namespace

const Object *Object::find(const char *key) const
{
    if (type != Type::Dictionary)
        return nullptr;
    for (size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] == key)
            return &items[i];
    }
    return nullptr;
}

Result<qsizetype> lastXrefOffset(const QByteArray &file)
{
    // "startxref", the offset and "%%EOF" are in the last few bytes of any PDF.
    const qsizetype tail = std::max<qsizetype>(0, file.size() - 1024);
    const qsizetype keyword = file.lastIndexOf("startxref");
    if (keyword < tail)
        return malformed(QStringLiteral("no startxref at the end of the file"));
    Reader reader(file, keyword + 9);
    const std::optional<qint64> offset = reader.readUnsigned();
    if (!offset || *offset >= file.size())
        return malformed(QStringLiteral("startxref does not give an offset inside the file"));
    // Not skipWhite(): "%%EOF" itself looks like a comment.
    qsizetype at = reader.position();
    while (at < file.size() && isWhite(file[at]))
        ++at;
    if (file.mid(at, 5) != "%%EOF")
        return malformed(QStringLiteral("no %%EOF after startxref"));
    for (qsizetype i = at + 5; i < file.size(); ++i) {
        if (file[i] != '\n' && file[i] != '\r')
            return malformed(QStringLiteral("bytes after %%EOF"));
    }
    return qsizetype(*offset);
}

Result<XrefSection> parseXrefSection(const QByteArray &file, qsizetype offset)
{
    XrefSection section;
    section.offset = offset;
    Reader reader(file, offset);
    if (!reader.expectKeyword("xref"))
        return malformed(
            QStringLiteral("no cross-reference table at %1 (streams are not read)").arg(offset));
    qint64 entries = 0;
    for (;;) {
        reader.skipWhite();
        if (reader.expectKeyword("trailer"))
            break;
        const std::optional<qint64> first = reader.readUnsigned();
        const std::optional<qint64> count = reader.readUnsigned();
        if (!first || !count)
            return malformed(QStringLiteral("bad cross-reference subsection header"));
        entries += *count;
        if (entries > kMaxXrefEntries || *first > kMaxXrefEntries)
            return malformed(QStringLiteral("too many cross-reference entries"));
        reader.skipWhite();
        qsizetype at = reader.position();
        if (file.size() - at < *count * 20)
            return malformed(QStringLiteral("cross-reference table cut short"));
        for (qint64 n = 0; n < *count; ++n, at += 20) {
            const char *entry = file.constData() + at;
            for (int i = 0; i < 10; ++i) {
                if (!isDigit(entry[i]) || (i < 5 && !isDigit(entry[11 + i])))
                    return malformed(QStringLiteral("bad cross-reference entry at %1").arg(at));
            }
            if (entry[10] != ' ' || entry[16] != ' ' || (entry[17] != 'n' && entry[17] != 'f')
                || !isWhite(entry[18]) || !isWhite(entry[19]))
                return malformed(QStringLiteral("bad cross-reference entry at %1").arg(at));
            if (entry[17] == 'n') {
                const qsizetype objectOffset = QByteArray(entry, 10).toLongLong();
                if (objectOffset >= file.size())
                    return malformed(
                        QStringLiteral("object %1 is placed beyond the end of the file")
                            .arg(*first + n));
                section.objects[*first + n] = objectOffset;
            }
        }
        reader = Reader(file, at);
    }
    Result<Object> trailer = reader.readObject(0);
    if (!trailer)
        return trailer.error();
    if (trailer->type != Object::Type::Dictionary)
        return malformed(QStringLiteral("the trailer is not a dictionary"));
    section.trailer = std::move(trailer).value();
    section.trailerEnd = section.trailer.end;
    return section;
}

Result<Object> parseIndirectObject(const QByteArray &file, qsizetype offset, qint64 number)
{
    Reader reader(file, offset);
    const std::optional<qint64> found = reader.readUnsigned();
    const std::optional<qint64> generation = reader.readUnsigned();
    if (!found || *found != number || !generation || !reader.expectKeyword("obj"))
        return malformed(
            QStringLiteral("object %1 is not where the cross-reference table says").arg(number));
    Result<Object> object = reader.readObject(0);
    if (!object)
        return object;
    if (reader.expectKeyword("stream"))
        return malformed(QStringLiteral("object %1 is a stream").arg(number));
    if (!reader.expectKeyword("endobj"))
        return malformed(QStringLiteral("object %1 has no endobj").arg(number));
    return object;
}

Result<Object> resolveInSection(
    const QByteArray &file, const XrefSection &section, const Object *reference, const char *what)
{
    if (!reference || reference->type != Object::Type::Reference)
        return malformed(QStringLiteral("%1 is not a reference").arg(QLatin1String(what)));
    const auto found = section.objects.find(reference->integer);
    if (found == section.objects.end())
        return malformed(QStringLiteral("%1 (object %2) is not in the last update")
                             .arg(QLatin1String(what))
                             .arg(reference->integer));
    return parseIndirectObject(file, found->second, reference->integer);
}

} // namespace chamber::minutespdf::pdf
