#include "minutespdf/pdfsigner.h"

#include "minutespdf/opensslptr.h"
#include "minutespdf/pdfsyntax.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>

#include <openssl/err.h>
#include <openssl/pem.h>

#include <map>

namespace chamber::minutespdf {

using namespace ossl;
using pdf::Object;

namespace {

// Room for the CMS: an RSA-3072 signature (384 bytes), the certificate (~900) and the signed
// attributes fit in a quarter of this.
constexpr qsizetype kContentsBytes = 8192;
constexpr int kByteRangeWidth = 10; // digits of each ByteRange number (files below 10 GB)
const QByteArray kByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

Error invalid(const QString &message, const QString &field = {})
{
    return makeError(ErrorCode::Invalid, message, field);
}

Error sslError(const QString &what)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    char text[256] = {};
    if (code)
        ERR_error_string_n(code, text, sizeof text);
    return makeError(ErrorCode::Internal,
        code ? QStringLiteral("%1: %2").arg(what, QString::fromLatin1(text)) : what);
}

bool isLowerHex64(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{64}$"));
    return pattern.match(text).hasMatch();
}

QDateTime parseTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

// Every stamp field is ASCII of a known shape, so it is written into PDF strings unescaped.
Status validateStamp(const MinutesStamp &stamp)
{
    if (stamp.meeting < 1)
        return invalid(QStringLiteral("the stamp names no meeting"), QStringLiteral("meeting"));
    if (stamp.seq < 1)
        return invalid(QStringLiteral("the stamp names no event"), QStringLiteral("seq"));
    if (!isLowerHex64(stamp.lastEventHash))
        return invalid(QStringLiteral("lastEventHash must be 64 lower-case hex digits"),
            QStringLiteral("lastEventHash"));
    if (!parseTime(stamp.lastEventTime).isValid() || stamp.lastEventTime.size() > 40
        || !QRegularExpression(QStringLiteral("^[0-9T:.+Z-]+$"))
                .match(stamp.lastEventTime)
                .hasMatch())
        return invalid(QStringLiteral("lastEventTime must be an ISO 8601 time"),
            QStringLiteral("lastEventTime"));
    if (stamp.kind != QLatin1String("draft") && stamp.kind != QLatin1String("final"))
        return invalid(QStringLiteral("kind must be draft or final"), QStringLiteral("kind"));
    if (stamp.language != QLatin1String("vi") && stamp.language != QLatin1String("en"))
        return invalid(QStringLiteral("language must be vi or en"), QStringLiteral("language"));
    if (!isLowerHex64(stamp.modelSha256))
        return invalid(QStringLiteral("modelSha256 must be 64 lower-case hex digits"),
            QStringLiteral("modelSha256"));
    return success();
}

QByteArray pdfDate(const QDateTime &utc)
{
    return "D:" + utc.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + 'Z';
}

QByteArray reference(qint64 number, qint64 generation = 0)
{
    return QByteArray::number(number) + ' ' + QByteArray::number(generation) + " R";
}

// The entries of a parsed dictionary exactly as written, but for `skipped` keys.
QByteArray copyEntries(
    const QByteArray &file, const Object &dictionary, std::initializer_list<const char *> skipped)
{
    QByteArray out;
    for (size_t i = 0; i < dictionary.keys.size(); ++i) {
        bool skip = false;
        for (const char *key : skipped)
            skip = skip || dictionary.keys[i] == key;
        if (skip)
            continue;
        out += file.mid(dictionary.keyStarts[i], dictionary.items[i].end - dictionary.keyStarts[i]);
        out += '\n';
    }
    return out;
}

// The keys the stamp is written under in the Info dictionary.
constexpr const char *kMeetingKey = "ChamberMeeting";
constexpr const char *kSeqKey = "ChamberSeq";
constexpr const char *kHashKey = "ChamberLastEventHash";
constexpr const char *kTimeKey = "ChamberLastEventTime";
constexpr const char *kKindKey = "ChamberKind";
constexpr const char *kLanguageKey = "ChamberLanguage";
constexpr const char *kModelKey = "ChamberModelSha256";

QByteArray stampEntries(const MinutesStamp &stamp)
{
    const auto text
        = [](const QString &value) -> QByteArray { return '(' + value.toLatin1() + ')'; };
    QByteArray out;
    out += "/Keywords (chamber-minutes meeting=" + QByteArray::number(stamp.meeting) + " seq="
        + QByteArray::number(stamp.seq) + " lastEventHash=" + stamp.lastEventHash.toLatin1()
        + " kind=" + stamp.kind.toLatin1() + " language=" + stamp.language.toLatin1()
        + " modelSha256=" + stamp.modelSha256.toLatin1() + ")\n";
    out += "/ModDate (" + pdfDate(parseTime(stamp.lastEventTime)) + ")\n";
    out += "/" + QByteArray(kMeetingKey) + ' ' + QByteArray::number(stamp.meeting) + '\n';
    out += "/" + QByteArray(kSeqKey) + ' ' + QByteArray::number(stamp.seq) + '\n';
    out += "/" + QByteArray(kHashKey) + ' ' + text(stamp.lastEventHash) + '\n';
    out += "/" + QByteArray(kTimeKey) + ' ' + text(stamp.lastEventTime) + '\n';
    out += "/" + QByteArray(kKindKey) + ' ' + text(stamp.kind) + '\n';
    out += "/" + QByteArray(kLanguageKey) + ' ' + text(stamp.language) + '\n';
    out += "/" + QByteArray(kModelKey) + ' ' + text(stamp.modelSha256) + '\n';
    return out;
}

// A detached CMS SignedData over `content`: SHA-256, signed attributes (content type, signing
// time, message digest), the certificate embedded. The signing time is given, not read from
// the clock, and RSA PKCS#1 v1.5 is deterministic: the same input gives the same bytes.
Result<QByteArray> signDetached(
    const QByteArray &content, const MinutesIdentity &identity, const QDateTime &signingTime)
{
    BioPtr keyBio = memoryBio(identity.keyPem);
    PKeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    X509Ptr certificate = certificateFromDer(identity.certificateDer);
    if (!key || !certificate)
        return sslError(QStringLiteral("cannot read the minutes signing key or certificate"));
    const int flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
    CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags));
    if (!cms)
        return sslError(QStringLiteral("cannot start a CMS signature"));
    CMS_SignerInfo *signer
        = CMS_add1_signer(cms.get(), certificate.get(), key.get(), EVP_sha256(), flags);
    if (!signer)
        return sslError(QStringLiteral("cannot add the CMS signer"));
    // Present before CMS_final, so OpenSSL does not add the wall clock's time.
    Asn1TimePtr time(ASN1_TIME_set(nullptr, time_t(signingTime.toSecsSinceEpoch())));
    if (!time
        || CMS_signed_add1_attr_by_NID(signer, NID_pkcs9_signingTime, time->type, time.get(), -1)
            != 1)
        return sslError(QStringLiteral("cannot set the signing time"));
    BioPtr data = memoryBio(content);
    if (CMS_final(cms.get(), data.get(), nullptr, flags) != 1)
        return sslError(QStringLiteral("CMS signing failed"));
    const int size = i2d_CMS_ContentInfo(cms.get(), nullptr);
    if (size <= 0)
        return sslError(QStringLiteral("cannot encode the CMS signature"));
    QByteArray der(size, '\0');
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_CMS_ContentInfo(cms.get(), &out) != size)
        return sslError(QStringLiteral("cannot encode the CMS signature"));
    return der;
}

struct Unsigned
{
    pdf::XrefSection section;
    Object catalog;
    qint64 rootNumber = 0;
    qint64 rootGeneration = 0;
    Object info;
    qint64 infoNumber = 0;
    Object page;
    qint64 pageNumber = 0;
    qint64 pageGeneration = 0;
    QByteArray annotations; // the first page's annotations, as written, each followed by a space
    qint64 size = 0;
};

Result<Unsigned> readUnsigned(const QByteArray &file)
{
    if (!file.startsWith("%PDF-"))
        return invalid(QStringLiteral("not a PDF (no %PDF- header)"));
    if (file.size() > kMaxMinutesPdfBytes)
        return invalid(QStringLiteral("PDF larger than %1 bytes").arg(kMaxMinutesPdfBytes));
    Result<qsizetype> xref = pdf::lastXrefOffset(file);
    if (!xref)
        return xref.error();
    Result<pdf::XrefSection> section = pdf::parseXrefSection(file, xref.value());
    if (!section)
        return section.error();
    Unsigned result;
    result.section = std::move(section).value();
    const Object &trailer = result.section.trailer;
    if (trailer.find("Prev") || trailer.find("Encrypt"))
        return invalid(QStringLiteral("the PDF already has an update or is encrypted"));
    const Object *size = trailer.find("Size");
    if (!size || size->type != Object::Type::Integer || size->integer < 1)
        return invalid(QStringLiteral("the trailer has no /Size"));
    result.size = size->integer;
    const Object *root = trailer.find("Root");
    const Object *info = trailer.find("Info");
    Result<Object> catalog = pdf::resolveInSection(file, result.section, root, "/Root");
    if (!catalog)
        return catalog.error();
    Result<Object> infoObject = pdf::resolveInSection(file, result.section, info, "/Info");
    if (!infoObject)
        return infoObject.error();
    if (!catalog->find("Type") || !catalog->find("Type")->isName("Catalog")
        || catalog->find("AcroForm"))
        return invalid(QStringLiteral("the catalog is not a plain /Catalog without a form"));
    if (infoObject->type != Object::Type::Dictionary)
        return invalid(QStringLiteral("/Info is not a dictionary"));
    Result<Object> pages
        = pdf::resolveInSection(file, result.section, catalog->find("Pages"), "/Pages");
    if (!pages)
        return pages.error();
    const Object *kids = pages->find("Kids");
    if (!kids || kids->type != Object::Type::Array || kids->items.empty())
        return invalid(QStringLiteral("the page tree has no pages"));
    Result<Object> page
        = pdf::resolveInSection(file, result.section, &kids->items.front(), "the first page");
    if (!page)
        return page.error();
    if (!page->find("Type") || !page->find("Type")->isName("Page"))
        return invalid(QStringLiteral("the first page is not a plain /Page"));
    // Qt writes the page's annotations as a separate array object; they are kept, inline.
    if (const Object *annotations = page->find("Annots")) {
        Object array = *annotations;
        if (annotations->type == Object::Type::Reference) {
            Result<Object> resolved
                = pdf::resolveInSection(file, result.section, annotations, "the page's /Annots");
            if (!resolved)
                return resolved.error();
            array = std::move(resolved).value();
        }
        if (array.type != Object::Type::Array)
            return invalid(QStringLiteral("the first page's /Annots is not an array"));
        for (const Object &annotation : array.items)
            result.annotations
                += file.mid(annotation.start, annotation.end - annotation.start) + ' ';
    }
    result.rootNumber = root->integer;
    result.rootGeneration = root->generation;
    result.infoNumber = info->integer;
    result.pageNumber = kids->items.front().integer;
    result.pageGeneration = kids->items.front().generation;
    result.catalog = std::move(catalog).value();
    result.info = std::move(infoObject).value();
    result.page = std::move(page).value();
    return result;
}

QByteArray xrefTable(const std::map<qint64, std::pair<qsizetype, qint64>> &objects)
{
    QByteArray out = "xref\n0 1\n0000000000 65535 f \n";
    for (auto it = objects.begin(); it != objects.end();) {
        auto end = it;
        qint64 count = 0;
        while (end != objects.end() && end->first == it->first + count) {
            ++end;
            ++count;
        }
        out += QByteArray::number(it->first) + ' ' + QByteArray::number(count) + '\n';
        for (; it != end; ++it)
            out += QByteArray::number(it->second.first).rightJustified(10, '0') + ' '
                + QByteArray::number(it->second.second).rightJustified(5, '0') + " n \n";
    }
    return out;
}

} // namespace

Result<QByteArray> signMinutesPdf(
    const QByteArray &unsignedPdf, const MinutesStamp &stamp, const MinutesIdentity &identity)
{
    if (auto status = validateStamp(stamp); !status)
        return status.error();
    Result<Unsigned> parsed = readUnsigned(unsignedPdf);
    if (!parsed)
        return parsed.error();
    const Unsigned &source = parsed.value();
    const QDateTime signingTime = parseTime(stamp.lastEventTime);
    const qint64 infoNumber = source.size;
    const qint64 signatureNumber = source.size + 1;
    const qint64 widgetNumber = source.size + 2;

    QByteArray out = unsignedPdf;
    if (!out.endsWith('\n'))
        out += '\n';
    std::map<qint64, std::pair<qsizetype, qint64>> objects; // number -> offset, generation
    const auto begin = [&](qint64 number, qint64 generation = 0) {
        objects[number] = {out.size(), generation};
        out += QByteArray::number(number) + ' ' + QByteArray::number(generation) + " obj\n<<\n";
    };
    const QByteArray end = ">>\nendobj\n";

    begin(infoNumber);
    out += copyEntries(unsignedPdf, source.info,
        {"Keywords", "ModDate", kMeetingKey, kSeqKey, kHashKey, kTimeKey, kKindKey, kLanguageKey,
            kModelKey});
    out += stampEntries(stamp) + end;

    begin(signatureNumber);
    out += "/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /adbe.pkcs7.detached\n/ByteRange ";
    const qsizetype byteRangeAt = out.size();
    out += kByteRangePlaceholder + "\n/Contents ";
    const qsizetype contentsStart = out.size();
    out += '<' + QByteArray(2 * kContentsBytes, '0') + '>';
    const qsizetype contentsEnd = out.size();
    out += "\n/M (" + pdfDate(signingTime) + ")\n/Name (Chamber)\n/Reason (Minutes of meeting "
        + QByteArray::number(stamp.meeting) + " made from its event log up to event "
        + QByteArray::number(stamp.seq) + ")\n" + end;

    begin(widgetNumber);
    out += "/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T (Chamber minutes signature)\n/F 132\n"
           "/Rect [0 0 0 0]\n/V "
        + reference(signatureNumber) + "\n/P " + reference(source.pageNumber, source.pageGeneration)
        + '\n' + end;

    begin(source.pageNumber, source.pageGeneration);
    out += copyEntries(unsignedPdf, source.page, {"Annots"}) + "/Annots [" + source.annotations
        + reference(widgetNumber) + "]\n" + end;

    begin(source.rootNumber, source.rootGeneration);
    out += copyEntries(unsignedPdf, source.catalog, {}) + "/AcroForm << /Fields ["
        + reference(widgetNumber) + "] /SigFlags 3 >>\n" + end;

    const qsizetype xrefAt = out.size();
    out += xrefTable(objects);
    out += "trailer\n<<\n/Size " + QByteArray::number(widgetNumber + 1) + "\n/Root "
        + reference(source.rootNumber, source.rootGeneration) + "\n/Info " + reference(infoNumber)
        + "\n/Prev " + QByteArray::number(source.section.offset) + '\n';
    if (const Object *id = source.section.trailer.find("ID"))
        out += "/ID " + unsignedPdf.mid(id->start, id->end - id->start) + '\n';
    out += ">>\nstartxref\n" + QByteArray::number(xrefAt) + "\n%%EOF\n";

    const qint64 range[3] = {contentsStart, contentsEnd, out.size() - contentsEnd};
    for (int i = 0; i < 3; ++i) {
        const QByteArray number = QByteArray::number(range[i]).leftJustified(kByteRangeWidth, ' ');
        if (number.size() != kByteRangeWidth)
            return invalid(QStringLiteral("PDF too large to sign"));
        out.replace(byteRangeAt + 3 + i * (kByteRangeWidth + 1), kByteRangeWidth, number);
    }
    Result<QByteArray> cms
        = signDetached(out.left(contentsStart) + out.mid(contentsEnd), identity, signingTime);
    if (!cms)
        return cms.error();
    const QByteArray hex = cms->toHex();
    if (hex.size() > 2 * kContentsBytes)
        return makeError(ErrorCode::Internal, QStringLiteral("the CMS signature does not fit"));
    out.replace(contentsStart + 1, hex.size(), hex);
    return out;
}

} // namespace chamber::minutespdf
