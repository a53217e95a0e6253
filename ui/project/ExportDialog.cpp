#include "ui/project/ExportDialog.h"

#include "jobs/FileTransformJob.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace shellac::ui {

ExportDialog::ExportDialog(const QString& suggestedPath, const QString& originalPath, QWidget* parent)
    : QDialog(parent), m_original(originalPath), m_path(new QLineEdit(suggestedPath, this)),
      m_encoding(new QComboBox(this)), m_error(new QLabel(this))
{
    setWindowTitle(tr("Export Restored Audio"));
    auto* form = new QFormLayout(this);
    auto* row = new QHBoxLayout;
    auto* browse = new QToolButton(this);
    browse->setText(tr("…"));
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    form->addRow(tr("&File:"), row);
    form->addRow(tr("&Samples:"), m_encoding);
    m_path->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 50);
    m_path->setToolTip(tr("The extension chooses the format: .wav, .flac, .aif/.aiff or .ogg"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d03030;"));
    form->addRow(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QToolButton::clicked, this, &ExportDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::refreshEncodings);
    refreshEncodings();
}

QString ExportDialog::path() const { return m_path->text().trimmed(); }

SampleEncoding ExportDialog::encoding() const { return SampleEncoding(m_encoding->currentData().toInt()); }

void ExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export to"), path(),
        tr("FLAC (*.flac);;WAV (*.wav);;AIFF (*.aif *.aiff);;Ogg Vorbis (*.ogg)"), nullptr,
        QFileDialog::DontConfirmOverwrite); // accept() asks, with the reason
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void ExportDialog::refreshEncodings()
{
    const auto container = containerForPath(path());
    const int previous = m_encoding->currentData().isValid() ? m_encoding->currentData().toInt() : int(SampleEncoding::Pcm24);
    m_encoding->clear();
    if (!container) {
        m_error->setText(tr("Choose a file ending in %1.").arg(writableExtensionsText()));
        return;
    }
    m_error->clear();
    const std::pair<SampleEncoding, QString> choices[] = {
        {SampleEncoding::Pcm16, tr("16-bit integer (CD)")},
        {SampleEncoding::Pcm24, tr("24-bit integer (archive)")},
        {SampleEncoding::Float32, tr("32-bit float")},
        {SampleEncoding::Vorbis, tr("Vorbis (lossy)")},
    };
    for (const auto& [encoding, label] : choices)
        if (canWrite(*container, encoding))
            m_encoding->addItem(label, int(encoding));
    const int index = m_encoding->findData(previous);
    m_encoding->setCurrentIndex(index >= 0 ? index : 0);
}

void ExportDialog::accept()
{
    if (!containerForPath(path()) || m_encoding->count() == 0)
        return;
    if (QFileInfo(path()).absoluteFilePath() == QFileInfo(m_original).absoluteFilePath() || isSameFile(path(), m_original)) {
        m_error->setText(tr("That is the original recording: Shellac never writes over it. Choose another name."));
        return;
    }
    QDialog::accept();
}

} // namespace shellac::ui
