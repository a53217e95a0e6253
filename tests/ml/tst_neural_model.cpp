// The neural restorer's network and model file: size budget, initial state, save/load, and a
// clear error for every kind of bad model file.

#include "TestSignals.h"
#include "TrainingFixtures.h"
#include "eval/Metrics.h"
#include "ml/NeuralModel.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numbers>

using namespace shellac;
using namespace shellac::ml;

namespace {

std::vector<float> tone(std::int64_t frames, double rate)
{
    std::vector<float> x(static_cast<std::size_t>(frames));
    for (std::int64_t i = 0; i < frames; ++i)
        x[std::size_t(i)] = float(0.3 * std::sin(2 * std::numbers::pi * 440.0 * double(i) / rate)
                                  + 0.1 * std::sin(2 * std::numbers::pi * 1250.0 * double(i) / rate));
    return x;
}

// A model file is a LibTorch archive: a zip whose tensors and pickles are stored uncompressed
// (only its code records are deflated), each with a CRC-32 in its central directory entry and
// in the data descriptor after its data. The helpers below change a stored record's bytes in
// place and mend its CRCs, to make files that are well-formed archives with bad contents.

quint32 le32(const QByteArray& b, qsizetype at)
{
    quint32 v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | quint8(b[at + i]);
    return v;
}
quint16 le16(const QByteArray& b, qsizetype at) { return quint16(quint8(b[at]) | (quint8(b[at + 1]) << 8)); }
void putLe32(QByteArray& b, qsizetype at, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        b[at + i] = char((v >> (8 * i)) & 0xff);
}

/// zip's CRC-32 (reflected polynomial 0xEDB88320).
quint32 crc32(QByteArrayView data)
{
    quint32 crc = 0xffffffffu;
    for (char c : data) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

struct ZipRecord {
    QByteArray name;
    qsizetype central = 0; ///< byte offset of its central directory entry
    qsizetype data = 0;    ///< byte offset of its data
    qsizetype size = 0;    ///< data size, bytes
    bool descriptor = false; ///< a data descriptor follows the data (general-purpose flag bit 3)
};

/// The stored (uncompressed) records of `zip`, from its central directory; empty if it has none.
std::vector<ZipRecord> zipRecords(const QByteArray& zip)
{
    const qsizetype end = zip.lastIndexOf("PK\x05\x06");
    if (end < 0 || end + 22 > zip.size())
        return {};
    std::vector<ZipRecord> records;
    qsizetype at = le32(zip, end + 16);
    for (int i = 0; i < le16(zip, end + 10); ++i) {
        if (at + 46 > zip.size() || le32(zip, at) != 0x02014b50u)
            return {};
        const bool stored = le16(zip, at + 10) == 0; // LibTorch deflates its code records only
        const quint16 nameLength = le16(zip, at + 28);
        const qsizetype local = le32(zip, at + 42);
        ZipRecord r;
        r.name = zip.mid(at + 46, nameLength);
        r.central = at;
        r.data = local + 30 + le16(zip, local + 26) + le16(zip, local + 28);
        r.size = le32(zip, at + 24);
        r.descriptor = (le16(zip, at + 8) & 0x8) != 0;
        if (stored)
            records.push_back(r);
        at += 46 + nameLength + le16(zip, at + 30) + le16(zip, at + 32);
    }
    return records;
}

/// After record `r`'s data changed in place: writes its new CRC wherever zip keeps it (the
/// central entry, the local header unless a data descriptor carries it, the descriptor).
void mendCrc(QByteArray& zip, const ZipRecord& r)
{
    const quint32 crc = crc32(QByteArrayView(zip).sliced(r.data, r.size));
    putLe32(zip, r.central + 16, crc);
    const qsizetype local = le32(zip, r.central + 42);
    if (!r.descriptor)
        putLe32(zip, local + 14, crc);
    else {
        const qsizetype after = r.data + r.size;
        putLe32(zip, le32(zip, after) == 0x08074b50u ? after + 4 : after, crc);
    }
}

/// The record whose data holds `needle`, or nullptr.
const ZipRecord* recordHolding(const std::vector<ZipRecord>& records, const QByteArray& zip, const QByteArray& needle)
{
    const qsizetype at = zip.indexOf(needle);
    for (const ZipRecord& r : records)
        if (at >= r.data && at + needle.size() <= r.data + r.size)
            return &r;
    return nullptr;
}

/// Replaces `from` by `to` (of the same length) in the stored record that holds it and mends the
/// record's CRC; false when no stored record holds `from`.
bool replaceInRecord(QByteArray& zip, const QByteArray& from, const QByteArray& to)
{
    const ZipRecord* record = recordHolding(zipRecords(zip), zip, from);
    if (!record || from.size() != to.size())
        return false;
    const ZipRecord r = *record;
    zip.replace(zip.indexOf(from), from.size(), to);
    mendCrc(zip, r);
    return true;
}

/// Saves a new tiny model to `path` and returns the file's bytes.
QByteArray saveTinyModel(const QString& path)
{
    if (!NeuralModel::create(test::tinyNetConfig(), 1).value()->save(path).ok())
        qFatal("cannot save a model to %s", qPrintable(path));
    return test::readBytes(path);
}

} // namespace

class TestNeuralModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultNetworkFitsTheBudget()
    {
        const RestorationNetConfig config;
        auto model = NeuralModel::create(config, 1);
        QVERIFY(model.ok());
        QCOMPARE(model.value()->parameterCount(), config.parameterCount());
        QVERIFY2(config.parameterCount() <= 3'000'000, qPrintable(QString::number(config.parameterCount())));
        QCOMPARE(model.value()->sampleRate(), 44100);
        // Half a second of context each side is enough to bridge a 5 ms click with music around it.
        QVERIFY(config.contextSamples() > config.sampleRate / 2);
    }

    void parameterFormulaMatchesOtherShapes()
    {
        const RestorationNetConfig tiny = test::tinyNetConfig();
        auto model = NeuralModel::create(tiny, 1);
        QVERIFY(model.ok());
        QCOMPARE(model.value()->parameterCount(), tiny.parameterCount());
    }

    void untrainedNetworkPassesAudioThrough()
    {
        auto model = NeuralModel::create(RestorationNetConfig{}, 3);
        QVERIFY(model.ok());
        const std::vector<float> in = tone(44100, 44100);
        const std::vector<float> out = model.value()->restore(in);
        QCOMPARE(out.size(), in.size());
        // The damage mask starts at sigmoid(-2) = 0.12: the output is the input within ~-20 dB.
        QVERIFY2(eval::siSdrDb(in, out) > 15.0, qPrintable(QString::number(eval::siSdrDb(in, out))));
        QVERIFY(model.value()->restore({}).empty());
    }

    void outputLengthMatchesAnyInputLength_data()
    {
        QTest::addColumn<int>("frames");
        for (int n : {1, 15, 16, 17, 31, 32, 1000, 4097})
            QTest::addRow("%d", n) << n;
    }
    void outputLengthMatchesAnyInputLength()
    {
        QFETCH(int, frames);
        auto model = NeuralModel::create(test::tinyNetConfig(), 1);
        QVERIFY(model.ok());
        const std::vector<float> out = model.value()->restore(tone(frames, test::kTrainingRate));
        QCOMPARE(int(out.size()), frames);
        for (float v : out)
            QVERIFY(std::isfinite(v));
    }

    void saveAndLoadGiveTheSameModel()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.pt"));
        auto model = NeuralModel::create(test::tinyNetConfig(), 7);
        QVERIFY(model.ok());
        model.value()->setMetadata({{QStringLiteral("note"), QStringLiteral("round trip")}});
        QVERIFY(model.value()->save(path).ok());
        auto loaded = NeuralModel::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message()));
        QCOMPARE(loaded.value()->config().toJson(), test::tinyNetConfig().toJson());
        QCOMPARE(loaded.value()->metadata().value(QStringLiteral("note")).toString(), QStringLiteral("round trip"));
        const std::vector<float> in = tone(3000, test::kTrainingRate);
        QCOMPARE(loaded.value()->restore(in), model.value()->restore(in));
        // Another seed is another network: the comparison above can fail.
        auto other = NeuralModel::create(test::tinyNetConfig(), 8);
        QVERIFY(other.value()->restore(in) != model.value()->restore(in));
    }

    void badModelFilesGiveClearErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << "missing" << "does not exist";
        QTest::newRow("empty") << "empty" << "empty (0 bytes)";
        QTest::newRow("text") << "text" << "not a Shellac model file";
        QTest::newRow("truncated") << "truncated" << "not a Shellac model file";
        QTest::newRow("wav file") << "wav" << "not a Shellac model file";
    }
    void badModelFilesGiveClearErrors()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("good.pt"));
        QVERIFY(NeuralModel::create(test::tinyNetConfig(), 1).value()->save(good).ok());
        const QString path = dir.filePath(QStringLiteral("bad.pt"));
        QFile f(good);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        if (kind == u"empty")
            test::writeBytes(path, {});
        else if (kind == u"text")
            test::writeBytes(path, "not a model\n");
        else if (kind == u"truncated")
            test::writeBytes(path, bytes.left(bytes.size() / 2));
        else if (kind == u"wav")
            {
            test::writeAudio(path + QStringLiteral(".wav"), test::sine(1, 100, 8000, 440, 0.5), 8000);
            QVERIFY(QFile::rename(path + QStringLiteral(".wav"), path));
        }
        auto loaded = NeuralModel::load(path);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().subject, path);
        QVERIFY2(loaded.error().reason.contains(expected), qPrintable(loaded.error().message()));
    }

    void archiveHelpersReadLibTorchsZip()
    {
        // The helpers' own check, so that the two tests below cannot pass on files the reader
        // refuses for another reason: they find the records, their CRC-32 is the one LibTorch
        // wrote (LibTorch 1.13 does not verify it when reading; a later one may), and a mended
        // file still loads.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.pt"));
        QByteArray zip = saveTinyModel(path);
        const std::vector<ZipRecord> records = zipRecords(zip);
        QVERIFY2(records.size() >= 3, "the model archive is not a zip with stored records");
        for (const ZipRecord& r : records)
            QVERIFY2(crc32(QByteArrayView(zip).sliced(r.data, r.size)) == le32(zip, r.central + 16), r.name.constData());
        QVERIFY(replaceInRecord(zip, QByteArrayLiteral("\"hidden\":32"), QByteArrayLiteral("\"hidden\":32")));
        test::writeBytes(path, zip);
        QVERIFY(NeuralModel::load(path).ok());
    }

    void weightsOfAnotherArchitectureAreRefused()
    {
        // The header says hidden = 48, the weights were made for 32.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.pt"));
        QByteArray zip = saveTinyModel(path);
        QVERIFY(replaceInRecord(zip, QByteArrayLiteral("\"hidden\":32"), QByteArrayLiteral("\"hidden\":48")));
        test::writeBytes(path, zip);
        auto loaded = NeuralModel::load(path);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().subject, path);
        QVERIFY2(loaded.error().reason.contains(QStringLiteral("do not match the model's declared architecture")),
                 qPrintable(loaded.error().message()));
    }

    void weightsHoldingNaNAreRefused()
    {
        // A run that diverged and was saved anyway: one weight is NaN.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.pt"));
        QByteArray zip = saveTinyModel(path);
        const std::vector<ZipRecord> records = zipRecords(zip);
        const ZipRecord* largest = nullptr; // tensor data: records named .../data/<n>
        for (const ZipRecord& r : records)
            if (r.name.contains("/data/") && (!largest || r.size > largest->size))
                largest = &r;
        QVERIFY(largest != nullptr && largest->size >= 4);
        putLe32(zip, largest->data, 0x7fc00000u); // quiet NaN, little-endian float32
        mendCrc(zip, *largest);
        test::writeBytes(path, zip);
        auto loaded = NeuralModel::load(path);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().subject, path);
        QVERIFY2(loaded.error().reason.contains(QStringLiteral("holds NaN or infinity")), qPrintable(loaded.error().message()));
    }

    void configErrorsNameTheField()
    {
        QJsonObject json = RestorationNetConfig{}.toJson();
        json.insert(QStringLiteral("hidden"), 1);
        auto parsed = RestorationNetConfig::fromJson(json);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().subject.contains(QStringLiteral("'hidden'")));
        json = RestorationNetConfig{}.toJson();
        json.remove(QStringLiteral("blocks"));
        QVERIFY(RestorationNetConfig::fromJson(json).error().subject.contains(QStringLiteral("'blocks'")));
        json = RestorationNetConfig{}.toJson();
        json.insert(QStringLiteral("version"), 99);
        QVERIFY(RestorationNetConfig::fromJson(json).error().reason.contains(QStringLiteral("another version")));
        json = RestorationNetConfig{}.toJson();
        json.insert(QStringLiteral("encoder_kernel"), 48);
        QVERIFY(RestorationNetConfig::fromJson(json).error().reason.contains(QStringLiteral("multiple of encoder_stride")));
        json = RestorationNetConfig{}.toJson();
        json.insert(QStringLiteral("colour"), 3);
        QVERIFY(RestorationNetConfig::fromJson(json).error().reason.contains(QStringLiteral("not a field")));
    }
};

QTEST_GUILESS_MAIN(TestNeuralModel)
#include "tst_neural_model.moc"
