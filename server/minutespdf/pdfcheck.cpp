// checkSignedMinutesPdf (pdfsigner.h): the strict reading of a signed minutes PDF.
#include "minutespdf/minutesidentity.h"
#include "minutespdf/opensslptr.h"
#include "minutespdf/pdfsigner.h"
#include "minutespdf/pdfsyntax.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>

#include <openssl/err.h>

namespace chamber::minutespdf {

using namespace ossl;
using pdf::Object;

namespace {

Error malformed(const QString &what)
{
    return makeError(ErrorCode::Invalid, QStringLiteral("not signed minutes: %1").arg(what));
}

// The signature field of the last update: the AcroForm's field whose value is a /Sig.
Result<Object> signatureOf(
    const QByteArray &file, const pdf::XrefSection &section, const Object &catalog)
{
    const Object *form = catalog.find("AcroForm");
    const Object *fields = form ? form->find("Fields") : nullptr;
    if (!fields || fields->type != Object::Type::Array || fields->items.empty())
        return malformed(QStringLiteral("the catalog has no signature field"));
    for (const Object &field : fields->items) {
        if (field.type != Object::Type::Reference || !section.objects.count(field.integer))
            continue;
        Result<Object> widget = pdf::resolveInSection(file, section, &field, "the signature field");
        if (!widget)
            return widget.error();
        const Object *type = widget->find("FT");
        if (!type || !type->isName("Sig"))
            continue;
        return pdf::resolveInSection(file, section, widget->find("V"), "the signature value");
    }
    return malformed(QStringLiteral("no signature field in the last update"));
}

Result<MinutesStamp> stampOf(const Object &info)
{
    const auto text = [&](const char *key) -> std::optional<QString> {
        const Object *value = info.find(key);
        if (!value || value->type != Object::Type::String || value->bytes.size() > 100)
            return std::nullopt;
        return QString::fromLatin1(value->bytes);
    };
    const auto number = [&](const char *key) -> qint64 {
        const Object *value = info.find(key);
        return value && value->type == Object::Type::Integer ? value->integer : 0;
    };
    MinutesStamp stamp;
    stamp.meeting = number("ChamberMeeting");
    stamp.seq = number("ChamberSeq");
    const auto hash = text("ChamberLastEventHash");
    const auto time = text("ChamberLastEventTime");
    const auto kind = text("ChamberKind");
    const auto language = text("ChamberLanguage");
    const auto model = text("ChamberModelSha256");
    if (stamp.meeting < 1 || stamp.seq < 1 || !hash || !time || !kind || !language || !model)
        return malformed(QStringLiteral("the document Info carries no complete Chamber stamp"));
    stamp.lastEventHash = *hash;
    stamp.lastEventTime = *time;
    stamp.kind = *kind;
    stamp.language = *language;
    stamp.modelSha256 = *model;
    return stamp;
}

QString sslProblem(const QString &what)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    char text[256] = {};
    if (code)
        ERR_error_string_n(code, text, sizeof text);
    return code ? QStringLiteral("%1 (%2)").arg(what, QString::fromLatin1(text)) : what;
}

// Verifies the CMS over `content`; fills the certificate and returns the problem, if any.
QString verifyCms(const QByteArray &der, const QByteArray &content, SignedPdfCheck &check)
{
    const auto *in = reinterpret_cast<const unsigned char *>(der.constData());
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &in, long(der.size())));
    if (!cms)
        return sslProblem(QStringLiteral("/Contents is not a CMS signature"));
    // What follows the DER is the placeholder's zero padding, nothing else.
    for (auto *p = in; p < reinterpret_cast<const unsigned char *>(der.constData()) + der.size();
         ++p) {
        if (*p != 0)
            return QStringLiteral("/Contents has bytes after the CMS signature");
    }
    if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed || !CMS_is_detached(cms.get()))
        return QStringLiteral("the CMS is not detached signed data");
    STACK_OF(CMS_SignerInfo) *signers = CMS_get0_SignerInfos(cms.get());
    if (!signers || sk_CMS_SignerInfo_num(signers) != 1)
        return QStringLiteral("the CMS must have exactly one signer");
    CMS_SignerInfo *signer = sk_CMS_SignerInfo_value(signers, 0);
    if (CMS_set1_signers_certs(cms.get(), nullptr, 0) < 0)
        ERR_clear_error();
    X509 *certificate = nullptr;
    X509_ALGOR *digest = nullptr;
    CMS_SignerInfo_get0_algs(signer, nullptr, &certificate, &digest, nullptr);
    if (!certificate)
        return QStringLiteral("the CMS does not embed the signer's certificate");
    check.certificateDer = certificateToDer(certificate);
    check.certificateFingerprint = certificateFingerprint(check.certificateDer);
    const ASN1_OBJECT *digestObject = nullptr;
    X509_ALGOR_get0(&digestObject, nullptr, nullptr, digest);
    if (OBJ_obj2nid(digestObject) != NID_sha256)
        return QStringLiteral("the CMS digest is not SHA-256");
    // The digest first, for a plain answer when the document bytes were changed.
    const auto *messageDigest = static_cast<const ASN1_OCTET_STRING *>(CMS_signed_get0_data_by_OBJ(
        signer, OBJ_nid2obj(NID_pkcs9_messageDigest), -3, V_ASN1_OCTET_STRING));
    const QByteArray actual = QCryptographicHash::hash(content, QCryptographicHash::Sha256);
    if (!messageDigest
        || QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(messageDigest)),
               ASN1_STRING_length(messageDigest))
            != actual)
        return QStringLiteral(
            "the signed bytes have changed: their SHA-256 is not the signed digest");
    BioPtr data = memoryBio(content);
    if (CMS_verify(cms.get(), nullptr, nullptr, data.get(), nullptr,
            CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY)
        != 1)
        return sslProblem(QStringLiteral("the CMS signature does not verify"));
    return {};
}

} // namespace

Result<SignedPdfCheck> checkSignedMinutesPdf(const QByteArray &file)
{
    if (!file.startsWith("%PDF-"))
        return malformed(QStringLiteral("not a PDF (no %PDF- header)"));
    if (file.size() > kMaxMinutesPdfBytes)
        return malformed(QStringLiteral("larger than %1 bytes").arg(kMaxMinutesPdfBytes));
    Result<qsizetype> xref = pdf::lastXrefOffset(file);
    if (!xref)
        return xref.error();
    Result<pdf::XrefSection> section = pdf::parseXrefSection(file, xref.value());
    if (!section)
        return section.error();
    const Object &trailer = section->trailer;
    Result<Object> catalog = pdf::resolveInSection(file, *section, trailer.find("Root"), "/Root");
    if (!catalog)
        return catalog.error();
    Result<Object> info = pdf::resolveInSection(file, *section, trailer.find("Info"), "/Info");
    if (!info)
        return info.error();
    Result<Object> signature = signatureOf(file, *section, catalog.value());
    if (!signature)
        return signature.error();
    const Object *filter = signature->find("Filter");
    const Object *subFilter = signature->find("SubFilter");
    const Object *byteRange = signature->find("ByteRange");
    const Object *contents = signature->find("Contents");
    if (!filter || !filter->isName("Adobe.PPKLite") || !subFilter
        || !subFilter->isName("adbe.pkcs7.detached"))
        return malformed(QStringLiteral("the signature is not /Adobe.PPKLite adbe.pkcs7.detached"));
    if (!contents || contents->type != Object::Type::String || file[contents->start] != '<')
        return malformed(QStringLiteral("the signature's /Contents is not a hex string"));
    if (!byteRange || byteRange->type != Object::Type::Array || byteRange->items.size() != 4)
        return malformed(QStringLiteral("the signature's /ByteRange is not four numbers"));
    qint64 range[4];
    for (int i = 0; i < 4; ++i) {
        const Object &item = byteRange->items[size_t(i)];
        if (item.type != Object::Type::Integer || item.integer < 0 || item.integer > file.size())
            return malformed(QStringLiteral("the signature's /ByteRange is out of the file"));
        range[i] = item.integer;
    }
    if (range[0] + range[1] > range[2] || range[2] + range[3] > file.size())
        return malformed(QStringLiteral("the signature's /ByteRange is out of the file"));
    Result<MinutesStamp> stamp = stampOf(info.value());
    if (!stamp)
        return stamp.error();

    SignedPdfCheck check;
    check.stamp = stamp.value();
    check.coversWholeFile = range[0] == 0 && range[1] == contents->start
        && range[2] == contents->end && range[2] + range[3] == file.size();
    const QByteArray content = file.mid(range[0], range[1]) + file.mid(range[2], range[3]);
    const QString problem = verifyCms(contents->bytes, content, check);
    check.signatureValid = problem.isEmpty();
    if (!check.signatureValid)
        check.problem = problem;
    else if (!check.coversWholeFile)
        check.problem = QStringLiteral(
            "the signature does not cover the whole file: bytes outside it may have been changed");
    return check;
}

} // namespace chamber::minutespdf
