#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace shellac::ui {

/// One optimisation step as `shellac-cli train --progress json` reports it ({"type":"step"}).
/// Losses are the means over the examples they apply to (0 when the batch had none).
struct TrainingStep {
    int epoch = 0;            ///< 1-based
    int epochs = 0;           ///< epochs planned for the run
    int step = 0;             ///< 1-based within the epoch
    int stepsPerEpoch = 0;
    long long globalStep = 0; ///< 1-based over the whole run (continues across --resume)
    double loss = 0;          ///< the weighted total that was minimised
    double supervised = 0;    ///< synthetic examples
    double consistency = 0;   ///< real examples
    double cycle = 0;
    double contrastive = 0;
    double pseudo = 0;
    int synthetic = 0;        ///< synthetic examples in the batch
    int real = 0;             ///< real examples in the batch
    double learningRate = 0;
    double etaSeconds = 0;    ///< trainer's estimate of the time left in the run, s
};

/// A health warning of the trainer (core/ml/TrainingHealth): a stable code and a readable message.
struct TrainingHealthNotice {
    int epoch = 0;
    QString code;    ///< e.g. "overfitting_to_synthetic"
    QString message; ///< the trainer's own sentence, shown to the user as is
};

/// One finished epoch: a line of RUN/metrics.jsonl or an {"type":"epoch"} progress line
/// (same fields as ml::EpochMetrics, which this mirrors without linking core/ml).
struct TrainingEpoch {
    int epoch = 0;                     ///< 1-based
    double supervisedLoss = 0;         ///< means over the epoch's steps
    double consistencyLoss = 0;
    double cycleLoss = 0;
    double contrastiveLoss = 0;
    double pseudoLoss = 0;
    double totalLoss = 0;
    double syntheticRatio = 0;         ///< scheduled share of synthetic examples, [0, 1]
    long long syntheticExamples = 0;
    long long realExamples = 0;
    double impulseRemovalRate = 0;     ///< real validation set, [0, 1]
    double transientPreservation = 0;  ///< clean validation audio, correlation [0, 1]
    double siSdrImprovementDb = 0;     ///< synthetic validation set, dB
    double learningRate = 0;
    double seconds = 0;                ///< wall-clock time of the epoch, s
    QStringList health;                ///< warning codes
    QList<TrainingHealthNotice> warnings; ///< codes with messages (progress stream only; metrics.jsonl has codes)
};

/// What the {"type":"done"} line said.
struct TrainingDone {
    int epochsCompleted = 0;
    bool cancelled = false;
    QString modelPath;
    QString checkpointPath;
};

/// GUI-free model of one training run's progress (QtCore only).
///
/// Fed with the raw stdout bytes of `shellac-cli train --progress json` in whatever chunks they
/// arrive (lines may be split across reads); each complete line is parsed at once. A line that is
/// not a JSON object is recorded in parseProblems() and skipped, never fatal; unknown "type"s are
/// ignored (newer trainers). Keeps the step and epoch series, the trainer's messages, health
/// warnings, the last error and the done state. Can also load a run folder's metrics.jsonl
/// (history after an app restart; another run for comparison).
///
/// Series rewind on --resume: a step whose global_step is not after the last one drops the steps
/// from that global_step on, and an epoch whose number is not after the last one drops the epochs
/// from that number on (seriesReset() is emitted), so a resumed run continues the same curves.
///
/// Threading: an ordinary QObject; use it from the thread it lives in (the GUI thread).
class TrainingProgress : public QObject {
    Q_OBJECT
public:
    explicit TrainingProgress(QObject* parent = nullptr);
    ~TrainingProgress() override;

    /// Appends raw bytes of the stream; parses every line completed by them.
    void feed(const QByteArray& bytes);
    /// End of stream: parses a last line that had no newline.
    void finishStream();
    /// Forgets everything (series, messages, error, done state, buffered bytes).
    void clear();

    /// Loads RUN/metrics.jsonl (or `path` itself when it names a file) as the epoch series,
    /// replacing the epochs and steps held. Malformed lines are recorded in parseProblems().
    /// Returns false with `error` set ("PATH: reason") when the file cannot be read.
    bool loadMetrics(const QString& path, QString* error = nullptr);

    /// Reads the epochs of a metrics.jsonl file (or of RUN/metrics.jsonl) without a model.
    /// Malformed lines are skipped and described in `problems` ("metrics.jsonl line N: ...");
    /// an epoch number that repeats an earlier one replaces it and the epochs after it.
    static bool readMetricsFile(const QString& path, QList<TrainingEpoch>& epochs, QString* error = nullptr,
                                QStringList* problems = nullptr);
    /// `path` itself when it is a file or ends in .jsonl, else RUN/metrics.jsonl (existing or not).
    static QString metricsPathFor(const QString& path);
    /// Parses one epoch object (a metrics.jsonl line or an {"type":"epoch"} line).
    static TrainingEpoch epochFromJson(const QJsonObject& object);

    const QList<TrainingStep>& steps() const { return m_steps; }
    const QList<TrainingEpoch>& epochs() const { return m_epochs; }
    /// Health warnings of the latest epoch (empty when it was healthy or none finished yet).
    QList<TrainingHealthNotice> currentWarnings() const;
    /// Every health warning received or loaded, oldest first.
    const QList<TrainingHealthNotice>& allWarnings() const { return m_allWarnings; }
    /// {"type":"message"} texts, oldest first.
    const QStringList& messages() const { return m_messages; }
    /// Lines that could not be parsed: "line N: reason".
    const QStringList& parseProblems() const { return m_parseProblems; }
    /// The message of the last {"type":"error"} line; empty when none.
    const QString& lastError() const { return m_lastError; }
    bool isDone() const { return m_done; }
    const TrainingDone& doneInfo() const { return m_doneInfo; }
    /// ETA of the latest step in seconds; -1 before the first step.
    double etaSeconds() const { return m_steps.isEmpty() ? -1.0 : m_steps.last().etaSeconds; }

Q_SIGNALS:
    /// A step was appended at the end of steps().
    void stepAdded(const TrainingStep& step);
    /// An epoch was appended at the end of epochs().
    void epochAdded(const TrainingEpoch& epoch);
    /// Steps or epochs were dropped or replaced (clear, load, resume rewind): redraw from scratch.
    void seriesReset();
    void messageReceived(const QString& text);
    void errorReceived(const QString& message);
    void parseProblem(const QString& problem);
    void doneReceived(const TrainingDone& done);

private:
    void parseLine(const QByteArray& line);
    void addStep(const TrainingStep& step);
    void addEpoch(const TrainingEpoch& epoch);
    void rebuildWarnings();

    QByteArray m_buffer;
    long long m_lineNumber = 0;
    QList<TrainingStep> m_steps;
    QList<TrainingEpoch> m_epochs;
    QList<TrainingHealthNotice> m_allWarnings;
    QStringList m_messages;
    QStringList m_parseProblems;
    QString m_lastError;
    bool m_done = false;
    TrainingDone m_doneInfo;
};

} // namespace shellac::ui
