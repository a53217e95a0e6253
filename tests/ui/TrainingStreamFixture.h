#pragma once
// A recorded `shellac-cli train --progress json` stream (two epochs of two steps, field for field
// as TrainCommand prints them) plus helpers shared by tst_training_progress and
// tst_training_dashboard: fake shellac-cli scripts and metrics.jsonl files.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace shellac::test {

inline const QByteArray kMessageLine =
    R"({"type":"message","text":"mixed strategy: 12 clean, 5 degraded files; 40 steps per epoch"})";
inline const QByteArray kStep1 =
    R"({"contrastive":0,"consistency":0.52,"cycle":0.11,"epoch":1,"epochs":2,"eta_s":300,"global_step":1,"loss":1.1,"lr":0.0002,"pseudo":0,"real":2,"step":1,"steps_per_epoch":2,"supervised":0.9,"synthetic":6,"type":"step"})";
inline const QByteArray kStep2 =
    R"({"contrastive":0,"consistency":0.48,"cycle":0.1,"epoch":1,"epochs":2,"eta_s":240,"global_step":2,"loss":0.98,"lr":0.0004,"pseudo":0,"real":2,"step":2,"steps_per_epoch":2,"supervised":0.8,"synthetic":6,"type":"step"})";
inline const QByteArray kEpoch1 =
    R"({"type":"epoch","consistency_loss":0.5,"contrastive_loss":0,"cycle_loss":0.105,"epoch":1,"health":[],"impulse_removal_rate":0.41,"learning_rate":0.0004,"pseudo_loss":0,"real_examples":4,"seconds":61.5,"si_sdr_improvement_db":2.5,"supervised_loss":0.85,"synthetic_examples":12,"synthetic_ratio":0.7,"total_loss":1.04,"transient_preservation":0.93,"warnings":[]})";
inline const QByteArray kStep3 =
    R"({"contrastive":0,"consistency":0.5,"cycle":0.09,"epoch":2,"epochs":2,"eta_s":120,"global_step":3,"loss":0.9,"lr":0.0006,"pseudo":0,"real":2,"step":1,"steps_per_epoch":2,"supervised":0.7,"synthetic":6,"type":"step"})";
inline const QByteArray kMalformed = R"({"type":"step","epoch":2,"global_ste)";
inline const QByteArray kStep4 =
    R"({"contrastive":0,"consistency":0.55,"cycle":0.08,"epoch":2,"epochs":2,"eta_s":42.5,"global_step":4,"loss":0.86,"lr":0.0008,"pseudo":0,"real":2,"step":2,"steps_per_epoch":2,"supervised":0.6,"synthetic":6,"type":"step"})";
inline const QByteArray kGapMessage =
    "the gap between the supervised (synthetic) and consistency (real) losses has not narrowed over 1 epochs: "
    "the synthetic damage may not resemble the real transfers (check `shellac-cli analyze` on them)";
inline const QByteArray kEpoch2 =
    R"({"type":"epoch","consistency_loss":0.525,"contrastive_loss":0,"cycle_loss":0.085,"epoch":2,"health":["gap_not_narrowing"],"impulse_removal_rate":0.47,"learning_rate":0.0008,"pseudo_loss":0,"real_examples":4,"seconds":59.0,"si_sdr_improvement_db":3.25,"supervised_loss":0.65,"synthetic_examples":12,"synthetic_ratio":0.6,"total_loss":0.88,"transient_preservation":0.95,"warnings":[{"code":"gap_not_narrowing","message":")"
    + kGapMessage + R"("}]})";
inline const QByteArray kDone =
    R"({"type":"done","epochs_completed":2,"cancelled":false,"model":"/runs/a/model.pt","checkpoint":"/runs/a/checkpoints/checkpoint_epoch_2.pt"})";

/// The whole recorded stream, one object per line, with one malformed line after step 3.
inline QByteArray recordedStream()
{
    return kMessageLine + '\n' + kStep1 + '\n' + kStep2 + '\n' + kEpoch1 + '\n' + kStep3 + '\n' + kMalformed + '\n'
           + kStep4 + '\n' + kEpoch2 + '\n' + kDone + '\n';
}

/// A metrics.jsonl line (no "type", codes only) for epoch `epoch`.
inline QByteArray metricsLine(int epoch, double supervised, double consistency, const char* health = "")
{
    return QStringLiteral(R"({"consistency_loss":%1,"contrastive_loss":0,"cycle_loss":0.1,"epoch":%2,"health":[%3],)"
                          R"("impulse_removal_rate":0.5,"learning_rate":0.001,"pseudo_loss":0,"real_examples":4,"seconds":10,)"
                          R"("si_sdr_improvement_db":1.5,"supervised_loss":%4,"synthetic_examples":12,"synthetic_ratio":0.7,)"
                          R"("total_loss":1,"transient_preservation":0.9})")
               .arg(consistency)
               .arg(epoch)
               .arg(*health ? QStringLiteral("\"%1\"").arg(QLatin1String(health)) : QString())
               .arg(supervised)
               .toUtf8();
}

inline bool writeFile(const QString& path, const QByteArray& bytes, bool executable = false)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    if (executable)
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
    return true;
}

/// A fake shellac-cli: records its arguments (one a line) in ARGS_FILE next to it, prints
/// `lines` (one JSON object a line), then runs `tail` (shell code, e.g. "kill -9 $$" or "exit 0").
/// `beforeLines` runs first (e.g. a trap). Returns the script's path.
inline QString writeFakeCli(const QString& dir, const QByteArray& lines, const QByteArray& tail,
                            const QByteArray& beforeLines = {})
{
    const QString path = QDir(dir).filePath(QStringLiteral("shellac-cli"));
    const QByteArray script = "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/args.txt\"\n" + beforeLines + "\n"
                              + "cat <<'JSON'\n" + lines + (lines.endsWith('\n') ? "" : "\n") + "JSON\n" + tail + "\n";
    return writeFile(path, script, true) ? path : QString();
}

} // namespace shellac::test
