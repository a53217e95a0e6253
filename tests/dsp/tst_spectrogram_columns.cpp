// SpectrogramColumns: the dB scale (a full-scale sine reads 0 dB), noise level and flatness,
// averaging over windows when a column is far wider than the FFT, stereo mixing, padding at the
// file's ends, and errors that name the file.

#include "TestSignals.h"

#include "dsp/SpectrogramColumns.h"
#include "jobs/CancellationToken.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numbers>
#include <random>

using namespace shellac;
using namespace shellac::dsp;

namespace {

std::unique_ptr<SpectrogramColumns> openColumns(const QString& path, int fftSize = 2048)
{
    auto opened = SpectrogramColumns::open(path, fftSize);
    if (!opened) {
        QTest::qFail(qPrintable(opened.error().message()), __FILE__, __LINE__);
        return {};
    }
    return std::move(opened).value();
}

/// `columns` columns from `start`, `fpp` frames each; fails the test on error.
std::vector<float> columnsOf(SpectrogramColumns& spec, double start, double fpp, int columns)
{
    std::vector<float> out(std::size_t(columns) * std::size_t(spec.bins()), 1e9f);
    const Status computed = spec.compute(start, fpp, columns, out);
    if (!computed)
        QTest::qFail(qPrintable(computed.error().message()), __FILE__, __LINE__);
    return out;
}

/// Mean of 10^(dB/10) over columns for bins [from, to), back in dB.
double meanPowerDb(const std::vector<float>& db, int bins, int from, int to)
{
    double sum = 0;
    std::size_t count = 0;
    for (std::size_t c = 0; c < db.size() / std::size_t(bins); ++c)
        for (int b = from; b < to; ++b, ++count)
            sum += std::pow(10.0, db[c * std::size_t(bins) + std::size_t(b)] / 10.0);
    return 10 * std::log10(sum / double(count));
}

} // namespace

class TestSpectrogramColumns : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString file(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void sineReadsItsLevelInItsBin_data()
    {
        QTest::addColumn<int>("rate");
        QTest::addColumn<double>("frequency");
        QTest::addColumn<double>("levelDb");
        QTest::addColumn<int>("fftSize");
        QTest::addColumn<double>("tolerance");
        QTest::addRow("1 kHz full scale") << 48000 << 1000.0 << 0.0 << 2048 << 1.0;
        QTest::addRow("1 kHz -20 dBFS") << 48000 << 1000.0 << -20.0 << 2048 << 1.0;
        QTest::addRow("bin centre full scale") << 48000 << 43 * 48000.0 / 2048 << 0.0 << 2048 << 0.02;
        QTest::addRow("bin centre -40 dBFS") << 48000 << 43 * 48000.0 / 2048 << -40.0 << 2048 << 0.02;
        QTest::addRow("1 kHz N=256 44.1k") << 44100 << 1000.0 << 0.0 << 256 << 1.45;
        QTest::addRow("1 kHz N=16384 44.1k") << 44100 << 1000.0 << -6.0 << 16384 << 1.45;
    }
    void sineReadsItsLevelInItsBin()
    {
        QFETCH(int, rate);
        QFETCH(double, frequency);
        QFETCH(double, levelDb);
        QFETCH(int, fftSize);
        QFETCH(double, tolerance);
        const QString path = file(QStringLiteral("sine.wav"));
        test::writeAudio(path, test::sine(1, 4 * std::int64_t(fftSize) + rate, rate, frequency,
                                          std::pow(10.0, levelDb / 20)), rate);
        auto spec = openColumns(path, fftSize);
        QVERIFY(spec);
        QCOMPARE(spec->bins(), fftSize / 2 + 1);
        QCOMPARE(spec->binHz(), double(rate) / fftSize);
        const auto db = columnsOf(*spec, fftSize, 512, 8);
        const int expectedBin = int(std::lround(frequency / spec->binHz()));
        for (int c = 0; c < 8; ++c) {
            const float* column = db.data() + std::size_t(c * spec->bins());
            const int peak = int(std::max_element(column, column + spec->bins()) - column);
            QCOMPARE(peak, expectedBin);
            QVERIFY2(std::abs(column[peak] - levelDb) <= tolerance,
                     qPrintable(QStringLiteral("peak %1 dB, expected %2").arg(column[peak]).arg(levelDb)));
            // Hann side lobes fall off fast: 12 bins away the level is at least 60 dB lower.
            QVERIFY(column[std::min(peak + 12, spec->bins() - 1)] < column[peak] - 60);
            if (peak >= 12)
                QVERIFY(column[peak - 12] < column[peak] - 60);
        }
    }

    void silenceIsFarBelow()
    {
        const QString path = file(QStringLiteral("silence.wav"));
        test::writeAudio(path, AudioBlock(2, 48000), 48000, Container::Wav, SampleEncoding::Pcm16);
        auto spec = openColumns(path);
        QVERIFY(spec);
        for (float v : columnsOf(*spec, 0, 1000, 40)) {
            QVERIFY(v < -100);
            QVERIFY(v >= SpectrogramColumns::kFloorDb);
        }
    }

    void whiteNoiseIsFlatAtItsPredictedLevel()
    {
        const int rate = 44100;
        const double sigma = 0.1;
        AudioBlock noise(1, 10 * rate);
        std::mt19937 rng(7);
        std::normal_distribution<float> gauss(0.0f, float(sigma));
        for (float& s : noise.channel(0))
            s = gauss(rng);
        const QString path = file(QStringLiteral("noise.wav"));
        test::writeAudio(path, noise, rate);
        auto spec = openColumns(path);
        QVERIFY(spec);
        const auto db = columnsOf(*spec, 0, 2048, 200);
        // Hann: sum(w²) = 3N/8, sum(w) = N/2, so a bin reads 4·σ²·(3N/8)/(N/2)² = 6σ²/N.
        const double expected = 10 * std::log10(6 * sigma * sigma / 2048);
        for (int from = 1; from + 64 <= spec->bins() - 1; from += 64) {
            const double band = meanPowerDb(db, spec->bins(), from, from + 64);
            QVERIFY2(std::abs(band - expected) < 0.5,
                     qPrintable(QStringLiteral("bins %1+: %2 dB, expected %3").arg(from).arg(band).arg(expected)));
        }
    }

    void wideColumnAveragesASteppedSignal_data()
    {
        QTest::addColumn<double>("firstDb");
        QTest::addColumn<double>("secondDb");
        QTest::addRow("full scale then silence") << 0.0 << -400.0;
        QTest::addRow("-6 then -20 dBFS") << -6.0 << -20.0;
        QTest::addRow("-30 then -10 dBFS") << -30.0 << -10.0;
    }
    void wideColumnAveragesASteppedSignal()
    {
        QFETCH(double, firstDb);
        QFETCH(double, secondDb);
        const int rate = 48000;
        const double fpp = 98304; // 48 FFT lengths: K = 6 windows, 3 in each half of the column
        QCOMPARE(SpectrogramColumns::windowsPerColumn(fpp, 2048, 6), 6);
        QCOMPARE(SpectrogramColumns::windowsPerColumn(2048, 2048, 6), 1);
        QCOMPARE(SpectrogramColumns::windowsPerColumn(0.25, 2048, 6), 1);
        const double f = 43 * double(rate) / 2048; // a bin centre: no scalloping
        AudioBlock block = test::sine(1, std::int64_t(3 * fpp), rate, f, 1.0);
        auto s = block.channel(0);
        for (std::int64_t i = 0; i < block.frames(); ++i) {
            const bool first = std::fmod(double(i), fpp) < fpp / 2;
            s[std::size_t(i)] *= float(std::pow(10.0, (first ? firstDb : secondDb) / 20));
        }
        const QString path = file(QStringLiteral("stepped.wav"));
        test::writeAudio(path, block, rate);
        auto spec = openColumns(path);
        QVERIFY(spec);
        const auto db = columnsOf(*spec, 0, fpp, 3);
        const double expected =
            10 * std::log10(0.5 * (std::pow(10.0, firstDb / 10) + std::pow(10.0, secondDb / 10)));
        for (int c = 1; c < 3; ++c) // column 0's first window is half padding
            QVERIFY2(std::abs(db[std::size_t(c * spec->bins() + 43)] - expected) < 0.05,
                     qPrintable(QStringLiteral("%1 dB, expected %2").arg(db[std::size_t(c * spec->bins() + 43)]).arg(expected)));
        // One window per column would have seen only the first or the second level.
        spec->setMaxWindowsPerColumn(1);
        const auto single = columnsOf(*spec, 0, fpp, 3);
        QVERIFY(std::abs(single[std::size_t(spec->bins() + 43)] - expected) > 1.0);
    }

    void stereoIsMeanPowerOverChannels()
    {
        const int rate = 48000;
        const double f1 = 43 * rate / 2048.0;
        const double f2 = 100 * rate / 2048.0;
        AudioBlock block(2, rate);
        const auto left = test::sine(1, rate, rate, f1, 1.0);
        const auto right = test::sine(1, rate, rate, f2, 0.1);
        std::copy_n(left.channel(0).data(), rate, block.channel(0).data());
        std::copy_n(right.channel(0).data(), rate, block.channel(1).data());
        const QString path = file(QStringLiteral("stereo.wav"));
        test::writeAudio(path, block, rate);
        auto spec = openColumns(path);
        QVERIFY(spec);
        const auto db = columnsOf(*spec, 8192, 1024, 4);
        for (int c = 0; c < 4; ++c) {
            QVERIFY(std::abs(db[std::size_t(c * spec->bins() + 43)] - (-3.01)) < 0.02);
            QVERIFY(std::abs(db[std::size_t(c * spec->bins() + 100)] - (-23.01)) < 0.02);
        }
    }

    void windowsAtTheEndsArePadded_data()
    {
        QTest::addColumn<double>("start");
        QTest::addColumn<double>("expectedDb"); // at the sine's bin; NAN: no energy at all
        QTest::addColumn<double>("tolerance");
        // A window centred on frame 0 sees half a Hann window of signal: the amplitude halves.
        QTest::addRow("centred on frame 0") << -0.5 << -6.02 << 0.3;
        QTest::addRow("centred on the last frame") << 47999.5 << -6.02 << 0.3;
        QTest::addRow("before the start") << -10000.0 << double(NAN) << 0.0;
        QTest::addRow("after the end") << 60000.0 << double(NAN) << 0.0;
        QTest::addRow("inside") << 20000.0 << 0.0 << 0.02;
    }
    void windowsAtTheEndsArePadded()
    {
        QFETCH(double, start);
        QFETCH(double, expectedDb);
        QFETCH(double, tolerance);
        const int rate = 48000;
        const QString path = file(QStringLiteral("ends.wav"));
        test::writeAudio(path, test::sine(1, rate, rate, 43 * rate / 2048.0, 1.0), rate);
        auto spec = openColumns(path);
        QVERIFY(spec);
        const auto db = columnsOf(*spec, start, 1, 1);
        for (float v : db)
            QVERIFY(std::isfinite(v) && v >= SpectrogramColumns::kFloorDb);
        if (std::isnan(expectedDb)) {
            QVERIFY(std::all_of(db.begin(), db.end(), [](float v) { return v == SpectrogramColumns::kFloorDb; }));
        } else {
            QVERIFY2(std::abs(db[43] - expectedDb) <= tolerance, qPrintable(QString::number(db[43])));
        }
    }

    void subFrameColumnsShareWindows()
    {
        const int rate = 44100;
        const QString path = file(QStringLiteral("zoomed.wav"));
        test::writeAudio(path, test::sine(1, rate, rate, 440, 0.5), rate);
        auto spec = openColumns(path);
        QVERIFY(spec);
        const int bins = spec->bins();
        // 1/32 frame per column: 32 columns per frame, all with the same window start.
        const auto db = columnsOf(*spec, 10000, 1.0 / 32, 64);
        for (int c = 1; c < 32; ++c)
            QVERIFY(std::equal(db.begin(), db.begin() + bins, db.begin() + c * bins));
        QVERIFY(!std::equal(db.begin(), db.begin() + bins, db.begin() + 32 * bins));
        const auto one = columnsOf(*spec, 10000, 1, 1);
        QVERIFY(std::equal(one.begin(), one.end(), db.begin()));
    }

    void unreadableFilesAreNamed_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes"); // empty: the file does not exist
        QTest::addColumn<int>("fftSize");
        QTest::addRow("missing") << "missing-take.wav" << QByteArray() << 2048;
        QTest::addRow("not audio") << "notes-take.wav" << QByteArray("just some text, not audio\n") << 2048;
        QTest::addRow("bad fft size") << "good-take.wav" << QByteArray("ok") << 1000;
        QTest::addRow("fft too large") << "good-take2.wav" << QByteArray("ok") << 32768;
    }
    void unreadableFilesAreNamed()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(int, fftSize);
        const QString path = file(name);
        if (bytes == "ok")
            test::writeAudio(path, test::sine(1, 1000, 8000, 100, 0.5), 8000);
        else if (!bytes.isEmpty())
            test::writeBytes(path, bytes);
        auto opened = SpectrogramColumns::open(path, fftSize);
        QVERIFY(!opened);
        QVERIFY2(opened.error().message().contains(name), qPrintable(opened.error().message()));
    }

    void cancelledBeforeTheFirstColumn()
    {
        const QString path = file(QStringLiteral("cancel.wav"));
        test::writeAudio(path, test::sine(1, 8000, 8000, 100, 0.5), 8000);
        auto spec = openColumns(path);
        QVERIFY(spec);
        CancellationToken token;
        token.cancel();
        std::vector<float> out(std::size_t(spec->bins()) * 4);
        const Status computed = spec->compute(0, 100, 4, out, &token);
        QVERIFY(!computed);
        QCOMPARE(computed.error().reason, QStringLiteral("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestSpectrogramColumns)
#include "tst_spectrogram_columns.moc"
