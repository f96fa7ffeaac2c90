// Reading recorded speeches back (server/media/oggopus.h): the Ogg page checksum against its
// published check value, a whole stream's duration from its last granule and OpusHead's
// pre-skip, and what a crash leaves: a torn last page, a page with a wrong checksum, junk,
// a file that is not Ogg at all, another logical stream's pages.
#include "media/oggopus.h"

#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace chamber::media;

namespace {

void putLe32(QByteArray &bytes, qsizetype at, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        bytes[at + i] = char((value >> (8 * i)) & 0xff);
}

// One page holding `body` as a single packet (bodies under 255 bytes here).
QByteArray page(
    qint64 granule, quint32 serial, quint32 sequence, const QByteArray &body, quint8 flags = 0)
{
    QByteArray bytes("OggS", 4);
    bytes += char(0); // version
    bytes += char(flags);
    for (int i = 0; i < 8; ++i)
        bytes += char((quint64(granule) >> (8 * i)) & 0xff);
    bytes += QByteArray(12, '\0'); // serial, sequence, checksum
    putLe32(bytes, 14, serial);
    putLe32(bytes, 18, sequence);
    bytes += char(1); // one segment
    bytes += char(body.size());
    bytes += body;
    putLe32(bytes, 22, oggPageCrc(bytes));
    return bytes;
}

QByteArray opusHead(quint16 preSkip)
{
    QByteArray head("OpusHead", 8);
    head += char(1); // version
    head += char(1); // channels
    head += char(preSkip & 0xff);
    head += char(preSkip >> 8);
    head += QByteArray(7, '\0'); // input rate, gain, mapping family
    return head;
}

// A stream as the recorder writes one: OpusHead, OpusTags, then audio pages.
QByteArray stream(quint16 preSkip, const QList<qint64> &granules, bool endOfStream)
{
    QByteArray bytes = page(0, 7, 0, opusHead(preSkip), 0x02);
    bytes += page(0, 7, 1, QByteArray("OpusTags\0\0\0\0\0\0\0\0", 16));
    for (qsizetype i = 0; i < granules.size(); ++i) {
        const bool last = i + 1 == granules.size();
        bytes += page(granules[i], 7, quint32(i + 2), QByteArray(40, char('a' + i)),
            last && endOfStream ? 0x04 : 0);
    }
    return bytes;
}

} // namespace

class TestMediaOggOpus : public QObject
{
    Q_OBJECT

private slots:
    void checksumCheckValue();
    void wholeStream();
    void tornLastPage();
    void wrongChecksumEndsTheTrustedPart();
    void notOgg();
    void forgedGranuleDoesNotOverflow();
    void otherStreamsSkipped();
    void fromFile();
};

void TestMediaOggOpus::checksumCheckValue()
{
    // CRC-32 with polynomial 0x04c11db7, initial 0, no reflection, no final xor: the check
    // value of "123456789" is 0x89a1897f (RFC 3533's CRC; the complement of POSIX cksum's).
    QCOMPARE(oggPageCrc("123456789"), 0x89a1897fu);
    QCOMPARE(oggPageCrc(""), 0u);
}

void TestMediaOggOpus::wholeStream()
{
    // 10 s at 48 kHz after a pre-skip of 312 samples.
    const QByteArray bytes = stream(312, {48000, 240000, 480312}, true);
    const OggOpusScan scan = scanOggOpus(bytes);
    QVERIFY(scan.opusHead);
    QCOMPARE(scan.preSkip, 312);
    QCOMPARE(scan.pages, 5);
    QCOMPARE(scan.goodBytes, bytes.size());
    QCOMPARE(scan.lastGranule, 480312);
    QVERIFY(scan.endOfStream);
    QCOMPARE(scan.durationMs(), 10000);
}

void TestMediaOggOpus::tornLastPage()
{
    const QByteArray whole = stream(312, {48312, 96312}, false);
    const qsizetype lastPage = page(96312, 7, 3, QByteArray(40, 'b')).size();
    for (qsizetype cut : {1, 10, 27, 28, 40}) {
        const QByteArray torn = whole.first(whole.size() - lastPage + cut);
        const OggOpusScan scan = scanOggOpus(torn);
        QCOMPARE(scan.goodBytes, whole.size() - lastPage);
        QCOMPARE(scan.lastGranule, 48312);
        QCOMPARE(scan.durationMs(), 1000);
        QVERIFY(!scan.endOfStream);
    }
}

void TestMediaOggOpus::wrongChecksumEndsTheTrustedPart()
{
    QByteArray bytes = stream(0, {48000, 96000, 144000}, true);
    const qsizetype third = stream(0, {48000, 96000}, false).size();
    bytes[third + 30] = char(bytes[third + 30] ^ 0x01); // a bit of the last page's body
    const OggOpusScan scan = scanOggOpus(bytes);
    QCOMPARE(scan.goodBytes, third);
    QCOMPARE(scan.durationMs(), 2000);
    // The same page intact after junk is not trusted either: the scan stops at the junk.
    const QByteArray junk
        = stream(0, {48000}, false) + QByteArray("garbage") + page(96000, 7, 3, "x");
    QCOMPARE(scanOggOpus(junk).lastGranule, 48000);
}

void TestMediaOggOpus::notOgg()
{
    for (const QByteArray &bytes : {QByteArray(), QByteArray("OggS"), QByteArray(4096, '\0'),
             QByteArray("RIFF....WAVEfmt "), page(0, 1, 0, "hello").replace(4, 1, "\x01")}) {
        const OggOpusScan scan = scanOggOpus(bytes);
        QCOMPARE(scan.goodBytes, 0);
        QCOMPARE(scan.durationMs(), 0);
        QVERIFY(!scan.opusHead);
    }
    // Ogg, but not Opus: pages are read, no OpusHead, the granule taken as it is.
    const QByteArray vorbisStream = page(0, 3, 0, "\x01vorbis") + page(4800, 3, 1, "x");
    const OggOpusScan vorbis = scanOggOpus(vorbisStream);
    QCOMPARE(vorbis.pages, 2);
    QVERIFY(!vorbis.opusHead);
}

void TestMediaOggOpus::forgedGranuleDoesNotOverflow()
{
    // Found by fuzz_ogg_opus: granule * 1000 overflowed qint64 (undefined behaviour).
    OggOpusScan scan;
    scan.lastGranule = std::numeric_limits<qint64>::max();
    QCOMPARE(scan.durationMs(),
        std::numeric_limits<qint64>::max() / 48000 * 1000
            + std::numeric_limits<qint64>::max() % 48000 * 1000 / 48000);
    QVERIFY(scan.durationMs() > 0);
}

void TestMediaOggOpus::otherStreamsSkipped()
{
    // A page of another logical stream (serial 9) with a large granule changes nothing.
    const QByteArray bytes = stream(0, {48000}, false) + page(999999999, 9, 0, "other");
    const OggOpusScan scan = scanOggOpus(bytes);
    QCOMPARE(scan.pages, 4);
    QCOMPARE(scan.lastGranule, 48000);
    QCOMPARE(scan.durationMs(), 1000);
}

void TestMediaOggOpus::fromFile()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    // Larger than the reader's block, so pages straddle blocks.
    QList<qint64> granules;
    for (qint64 i = 1; i <= 20000; ++i)
        granules << 960 * i;
    const QByteArray bytes = stream(0, granules, false) + QByteArray("OggS\0", 5);
    QVERIFY(bytes.size() > 600 * 1024);
    const QString path = directory.filePath(QStringLiteral("speech.ogg"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    auto scan = scanOggOpusFile(path);
    QVERIFY(scan);
    QCOMPARE(scan->goodBytes, bytes.size() - 5);
    QCOMPARE(scan->pages, 20002);
    QCOMPARE(scan->durationMs(), 400000);
    QVERIFY(!scanOggOpusFile(directory.filePath(QStringLiteral("missing.ogg"))));
}

QTEST_APPLESS_MAIN(TestMediaOggOpus)
#include "test_media_oggopus.moc"
