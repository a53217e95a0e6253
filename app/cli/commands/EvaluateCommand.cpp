#include "commands/EvaluateCommand.h"

#include "audio/AudioFileReader.h"
#include "audio/AudioPathCollector.h"
#include "eval/FileComparison.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace shellac::cli {

namespace {

QString opt(const char* name) { return QString::fromLatin1(name); }

/// The file in `dir` with the same relative path as `relative`, allowing a different audio
/// extension (clean.flac may be compared with restored.wav). Empty when there is none.
QString counterpart(const QString& dir, const QString& relative)
{
    const QFileInfo rel(relative);
    const QString stem = QDir(dir).filePath(rel.path() + QLatin1Char('/') + rel.completeBaseName());
    if (QFileInfo::exists(QDir(dir).filePath(relative)))
        return QDir(dir).filePath(relative);
    for (const char* ext : {".wav", ".flac", ".ogg", ".aiff", ".aif"})
        if (QFileInfo::exists(stem + QLatin1String(ext)))
            return stem + QLatin1String(ext);
    return {};
}

/// `<stem>.<suffix>` in `dir` when it exists, else empty.
QString sidecar(const QString& dir, const QString& relative, const char* suffix)
{
    const QFileInfo rel(relative);
    const QString path = QDir(dir).filePath(rel.path() + QLatin1Char('/') + rel.completeBaseName() + QLatin1String(suffix));
    return QFileInfo::exists(path) ? path : QString();
}

QString fmt(double v, int width = 8) { return QStringLiteral("%1").arg(v, width, 'f', 2); }

} // namespace

QString EvaluateCommand::summary() const
{
    return QStringLiteral("Score restored files against their clean originals (SI-SDR, click F1).");
}

QString EvaluateCommand::synopsis() const
{
    return QStringLiteral("--clean DIR --degraded DIR --restored DIR [--truth DIR] [--reports DIR] [--json]");
}

QString EvaluateCommand::description() const
{
    return QStringLiteral(
        "For every audio file in the clean folder (recursively), finds the file with the same\n"
        "relative name (any audio extension) in the degraded and restored folders and prints:\n"
        "  input     SI-SDR of the degraded file against the clean one (dB)\n"
        "  restored  SI-SDR of the restored file against the clean one (dB)\n"
        "  gain      restored - input: the SI-SDR improvement (dB); negative means made worse\n"
        "  P R F1    click detection precision, recall and F1, when a ground-truth impulse list\n"
        "            (<name>.impulses.json, as written by 'shellac-cli degrade --impulses') and a\n"
        "            restoration report (<name>.report.json from 'restore --report') are found\n"
        "  clean-region SI-SDR (dB) of the restored file away from the true impulses (+-2 ms):\n"
        "            how little the restorer disturbed what it should leave alone\n"
        "and the median of each column. Impulse lists are looked up in --truth (default: the degraded\n"
        "folder), reports in --reports (default: the restored folder). Files must match in rate,\n"
        "channels and length. Each file is read whole: meant for test sets, not hour-long files.\n"
        "--align MS first undoes a constant delay of up to MS ms in each restored file (for tools\n"
        "whose output lags; the lag found is in the JSON).\n\n"
        "Exit status: 0 when every file was scored, 1 when any could not be, 2 on usage errors.");
}

QList<QCommandLineOption> EvaluateCommand::options() const
{
    return {
        QCommandLineOption(opt("clean"), opt("Folder of clean reference files (required)."), opt("DIR")),
        QCommandLineOption(opt("degraded"), opt("Folder of degraded inputs (required)."), opt("DIR")),
        QCommandLineOption(opt("restored"), opt("Folder of restored outputs (required)."), opt("DIR")),
        QCommandLineOption(opt("truth"), opt("Folder of <name>.impulses.json ground truth (default: --degraded)."), opt("DIR")),
        QCommandLineOption(opt("reports"), opt("Folder of <name>.report.json restoration reports (default: --restored)."), opt("DIR")),
        QCommandLineOption(opt("align"), opt("Undo a constant delay of the restored files (up to MS milliseconds,\n"
                                             "found by cross-correlation) before scoring, for tools with latency."), opt("MS")),
        QCommandLineOption(opt("json"), opt("Print machine-readable JSON instead of a table.")),
    };
}

int EvaluateCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    for (const char* required : {"clean", "degraded", "restored"})
        if (!parser.isSet(opt(required)))
            return context.usageError(name(), QStringLiteral("--%1 DIR is required").arg(opt(required)));
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(name(), QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    const QString cleanDir = parser.value(opt("clean"));
    const QString degradedDir = parser.value(opt("degraded"));
    const QString restoredDir = parser.value(opt("restored"));
    const QString truthDir = parser.isSet(opt("truth")) ? parser.value(opt("truth")) : degradedDir;
    const QString reportDir = parser.isSet(opt("reports")) ? parser.value(opt("reports")) : restoredDir;
    for (const QString& dir : {cleanDir, degradedDir, restoredDir, truthDir, reportDir})
        if (!QFileInfo(dir).isDir())
            return context.fail({dir, opt("is not a folder")});

    double alignMs = 0;
    if (parser.isSet(opt("align"))) {
        bool ok = false;
        alignMs = parser.value(opt("align")).toDouble(&ok);
        if (!ok || alignMs < 0 || alignMs > 10000)
            return context.usageError(name(), opt("--align takes milliseconds between 0 and 10000"));
    }
    const QStringList cleanFiles = collectAudioPaths({cleanDir});
    if (cleanFiles.isEmpty())
        return context.fail({cleanDir, opt("contains no audio files")});

    std::vector<eval::FileScore> scores;
    int failures = 0;
    for (const QString& cleanPath : cleanFiles) {
        if (context.cancellation().isCancelled())
            return ExitCode::kCancelled;
        const QString relative = QDir(cleanDir).relativeFilePath(cleanPath);
        eval::FileComparisonRequest request;
        request.name = relative;
        request.cleanPath = cleanPath;
        request.degradedPath = counterpart(degradedDir, relative);
        request.restoredPath = counterpart(restoredDir, relative);
        request.truthPath = sidecar(truthDir, relative, ".impulses.json");
        request.reportPath = sidecar(reportDir, relative, ".report.json");
        if (alignMs > 0) {
            auto reader = AudioFileReader::open(cleanPath);
            request.maxLagFrames = reader ? std::int64_t(alignMs / 1000.0 * reader.value()->format().sampleRate) : 0;
        }
        if (request.degradedPath.isEmpty() || request.restoredPath.isEmpty()) {
            context.fail({relative, QStringLiteral("no matching file in %1")
                                        .arg(request.degradedPath.isEmpty() ? degradedDir : restoredDir)});
            ++failures;
            continue;
        }
        auto score = eval::compareFiles(request);
        if (!score) {
            context.fail(score.error());
            ++failures;
            continue;
        }
        scores.push_back(score.value());
    }

    std::vector<double> inputs, restoreds, gains, f1s, precisions, recalls, cleanRegions;
    int worse = 0;
    for (const auto& s : scores) {
        inputs.push_back(s.inputSiSdrDb);
        restoreds.push_back(s.restoredSiSdrDb);
        gains.push_back(s.improvementDb());
        worse += s.improvementDb() < 0;
        if (s.detection) {
            f1s.push_back(s.detection->f1);
            precisions.push_back(s.detection->precision);
            recalls.push_back(s.detection->recall);
        }
        if (s.cleanRegionSiSdrDb)
            cleanRegions.push_back(*s.cleanRegionSiSdrDb);
    }

    if (parser.isSet(opt("json"))) {
        QJsonArray files;
        for (const auto& s : scores) {
            QJsonObject o{{opt("name"), s.name},
                          {opt("input_si_sdr_db"), s.inputSiSdrDb},
                          {opt("restored_si_sdr_db"), s.restoredSiSdrDb},
                          {opt("improvement_db"), s.improvementDb()},
                          {opt("lag_frames"), qint64(s.lagFrames)}};
            if (s.cleanRegionSiSdrDb)
                o.insert(opt("clean_region_si_sdr_db"), *s.cleanRegionSiSdrDb);
            if (s.detection)
                o.insert(opt("clicks"), QJsonObject{{opt("precision"), s.detection->precision},
                                                   {opt("recall"), s.detection->recall},
                                                   {opt("f1"), s.detection->f1},
                                                   {opt("true_positives"), s.detection->truePositives},
                                                   {opt("false_positives"), s.detection->falsePositives},
                                                   {opt("false_negatives"), s.detection->falseNegatives}});
            files.append(o);
        }
        QJsonObject median{{opt("input_si_sdr_db"), eval::median(inputs)},
                           {opt("restored_si_sdr_db"), eval::median(restoreds)},
                           {opt("improvement_db"), eval::median(gains)},
                           {opt("files_made_worse"), worse}};
        if (!f1s.empty())
            median.insert(opt("click_f1"), eval::median(f1s));
        if (!cleanRegions.empty())
            median.insert(opt("clean_region_si_sdr_db"), eval::median(cleanRegions));
        context.out() << QJsonDocument(QJsonObject{{opt("files"), files}, {opt("median"), median}}).toJson();
    } else {
        QTextStream& out = context.out();
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                   .arg(QStringLiteral("file"), -36)
                   .arg(QStringLiteral("input"), 8)
                   .arg(QStringLiteral("restored"), 8)
                   .arg(QStringLiteral("gain"), 8)
                   .arg(QStringLiteral("P"), 6)
                   .arg(QStringLiteral("R"), 6)
                   .arg(QStringLiteral("F1"), 6)
                   .arg(QStringLiteral("clean-region"), 12);
        const auto row = [&](const QString& label, double in, double rest, double gain, std::optional<double> p,
                             std::optional<double> r, std::optional<double> f1, std::optional<double> clean) {
            const auto o = [](std::optional<double> v, int w, int prec) {
                return v ? QStringLiteral("%1").arg(*v, w, 'f', prec) : QStringLiteral("%1").arg(QStringLiteral("-"), w);
            };
            out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                       .arg(label.left(36), -36)
                       .arg(fmt(in), fmt(rest), fmt(gain))
                       .arg(o(p, 6, 3), o(r, 6, 3), o(f1, 6, 3), o(clean, 12, 2));
        };
        for (const auto& s : scores)
            row(s.name, s.inputSiSdrDb, s.restoredSiSdrDb, s.improvementDb(),
                s.detection ? std::optional(s.detection->precision) : std::nullopt,
                s.detection ? std::optional(s.detection->recall) : std::nullopt,
                s.detection ? std::optional(s.detection->f1) : std::nullopt, s.cleanRegionSiSdrDb);
        const auto med = [](const std::vector<double>& v) { return v.empty() ? std::nullopt : std::optional(eval::median(v)); };
        row(QStringLiteral("MEDIAN (%1 files)").arg(scores.size()), eval::median(inputs), eval::median(restoreds),
            eval::median(gains), med(precisions), med(recalls), med(f1s), med(cleanRegions));
        out << "files made worse: " << worse << "\n";
    }
    context.out().flush();
    return failures > 0 ? ExitCode::kFailed : ExitCode::kOk;
}

} // namespace shellac::cli
