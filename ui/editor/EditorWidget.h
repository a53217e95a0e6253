#pragma once

#include "restore/SelectionPreview.h"
#include "ui/playback/AbSource.h"

#include <QPointer>
#include <QWidget>

#include <list>
#include <memory>
#include <utility>

class QAction;
class QActionGroup;
class QLabel;
class QScrollBar;
class QStackedLayout;

namespace shellac {
class WaveformSummary;
}

namespace shellac::ui {

class EditorDocument;
class PlaybackController;
class SpectrogramLane;
class TimeRuler;
class TimelineViewport;
class WaveformLane;

/// The editor for one document at a time: time ruler, waveform lane (what you hear: Original,
/// or Restored once a take exists, with the detected clicks as markers), residual lane ("what
/// was removed", toggleable), spectrogram lane (follows the A/B choice), a horizontal scroll
/// bar, and playback with instant A/B switching.
///
/// Owns the PlaybackController and the editor's actions (zoom, playback, A/B choice) with their
/// shortcuts; the window puts them into its menus (viewActions(), playbackActions()). Waveform
/// summaries are built in the background per file and kept for the last few files, so that
/// switching between documents is instant and memory stays bounded.
///
/// A selection preview (setPreview()) plays as "Restored" over the original inside the
/// selection, and the waveform lane draws it over the original there, until the document or its
/// take changes. GUI thread only.
class EditorWidget : public QWidget {
    Q_OBJECT
public:
    explicit EditorWidget(QWidget* parent = nullptr);
    ~EditorWidget() override;

    /// Shows `document` (nullptr: the drop hint). The editor follows its take changes.
    void setDocument(EditorDocument* document);
    EditorDocument* document() const { return m_document; }

    TimelineViewport* viewport() const { return m_viewport; }
    PlaybackController* playback() const { return m_playback; }
    WaveformLane* waveformLane() const { return m_wave; }
    WaveformLane* residualLane() const { return m_residual; }
    SpectrogramLane* spectrogramLane() const { return m_spectrogram; }

    /// Plays `preview` (the restored selection) as Restored and selects it; the A/B choice
    /// switches to Restored and playback loops over the selection.
    void setPreview(const SelectionPreviewResult& preview);
    /// True while a selection preview stands in for the restored take.
    bool isPreviewing() const { return m_previewing; }

    QList<QAction*> viewActions() const;
    QList<QAction*> playbackActions() const;
    QAction* choiceAction(AbChoice choice) const;

    /// The selection in seconds, or nullopt.
    std::optional<std::pair<double, double>> selectionSeconds() const;

Q_SIGNALS:
    /// The selection changed (the restore panel enables "Use selection" and "Preview").
    void selectionChanged();
    /// A message for the status bar (playback errors, no audio device).
    void message(const QString& text);

private:
    void createActions();
    void reloadDocument();
    void reloadStreams();
    void refreshLanes();
    void refreshChoiceActions();
    void refreshPositionLabel();
    void syncScrollBar();
    std::shared_ptr<const WaveformSummary> summaryFor(const QString& path, QString* error);

    QPointer<EditorDocument> m_document;
    TimelineViewport* m_viewport;
    PlaybackController* m_playback;
    QStackedLayout* m_stack;
    QLabel* m_hint;
    TimeRuler* m_ruler;
    WaveformLane* m_wave;
    WaveformLane* m_residual;
    SpectrogramLane* m_spectrogram;
    QScrollBar* m_scroll;
    QLabel* m_position;
    QLabel* m_playbackNote;
    bool m_previewing = false;
    bool m_syncingScroll = false;

    QAction* m_zoomIn;
    QAction* m_zoomOut;
    QAction* m_zoomFit;
    QAction* m_zoomSelection;
    QAction* m_showResidual;
    QAction* m_logFrequency;
    QAction* m_playPause;
    QAction* m_stop;
    QAction* m_loop;
    QAction* m_toStart;
    QActionGroup* m_choiceGroup;
    QAction* m_choice[3];

    /// Summaries of recently shown files, most recent first (at most kSummaryCacheSize).
    std::list<std::pair<QString, std::shared_ptr<const WaveformSummary>>> m_summaries;
    static constexpr std::size_t kSummaryCacheSize = 6;
};

} // namespace shellac::ui
