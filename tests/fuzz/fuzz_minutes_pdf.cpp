// Signed minutes PDFs, as chamberctl verify and the tests read them from anyone, and the render
// child's job JSON. Properties: never crashes; a refusal always says why; a check that passes
// names a certificate whose fingerprint is its SHA-256, and a stamp with a meeting and an
// event; a job that parses is written back and parses to the same model.
#include "minutespdf/minutesjob.h"
#include "minutespdf/pdfsigner.h"

#include <QCryptographicHash>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chamber::minutespdf;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));

    const auto check = checkSignedMinutesPdf(input);
    if (!check) {
        if (check.error().message.isEmpty())
            std::abort();
    } else {
        if (check->stamp.meeting < 1 || check->stamp.seq < 1)
            std::abort();
        if (check->signatureValid
            && check->certificateFingerprint
                != QString::fromLatin1(
                    QCryptographicHash::hash(check->certificateDer, QCryptographicHash::Sha256)
                        .toHex()))
            std::abort();
        if ((!check->signatureValid || !check->coversWholeFile) && check->problem.isEmpty())
            std::abort();
    }

    const auto job = parseMinutesJob(input);
    if (!job) {
        if (job.error().message.isEmpty())
            std::abort();
        return 0;
    }
    const auto again = parseMinutesJob(minutesJobToJson(job->model, job->language));
    if (!again || again->language != job->language
        || again->model.modelSha256() != job->model.modelSha256())
        std::abort();
    return 0;
}
