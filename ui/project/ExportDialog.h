#pragma once

#include "audio/AudioFormat.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace shellac::ui {

/// Asks where and how to export a recording's current take: the file (its extension picks the
/// container: WAV, FLAC, AIFF, Ogg Vorbis) and the sample encoding (16/24-bit integer, 32-bit
/// float where the container allows it). The original is never offered as a destination.
/// GUI thread only.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    /// @param suggestedPath initial file name, e.g. "caruso (restored).flac" next to the original
    /// @param originalPath refused as a destination
    ExportDialog(const QString& suggestedPath, const QString& originalPath, QWidget* parent = nullptr);

    QString path() const;
    SampleEncoding encoding() const;

    void accept() override;

private:
    void browse();
    void refreshEncodings();

    QString m_original;
    QLineEdit* m_path;
    QComboBox* m_encoding;
    QLabel* m_error;
};

} // namespace shellac::ui
