#pragma once

#include "CliCommand.h"
#include "degrade/ArtifactAnalyzer.h"

#include <vector>

namespace shellac::cli {

/// `shellac-cli analyze FILE|DIR... [--json] [--noise-from START-END] [--quiet]`: estimates the
/// degradation profile of real recordings (degrade::ArtifactAnalyzer), per file and pooled.
class AnalyzeCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("analyze"); }
    QString summary() const override;
    QString synopsis() const override { return QStringLiteral("FILE|DIR... [--json] [--noise-from START-END] [--quiet]"); }
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};

/// What analyseRecordings() found.
struct AnalysedRecordings {
    std::vector<degrade::AnalysisResult> results; ///< one per file analysed, in order
    std::vector<Error> skipped;                   ///< files that could not be read (already warned about)
    bool cancelled = false;                       ///< Ctrl+C: results are incomplete
};

/// Analyses the files named and every audio file in the folders named (recursively, see
/// collectAudioPaths), one after the other on this thread, with progress on stderr unless
/// `quiet`. Unreadable files are skipped with a warning naming them (context.warn()). Fails
/// (Error naming it) for a folder without audio files, and when no file at all could be analysed.
/// Used by `analyze` and by `degrade --like`.
Result<AnalysedRecordings> analyseRecordings(const QStringList& paths, const degrade::AnalysisSettings& settings,
                                             bool quiet, CliContext& context);

} // namespace shellac::cli
