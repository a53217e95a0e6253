#include "ui/editor/EditorWidget.h"

#include "audio/WaveformSummary.h"
#include "ui/editor/EditorDocument.h"
#include "ui/editor/SpectrogramLane.h"
#include "ui/editor/SpectrogramTileCache.h"
#include "ui/editor/TimeRuler.h"
#include "ui/editor/TimelineViewport.h"
#include "ui/editor/WaveformLane.h"
#include "ui/playback/PlaybackController.h"
#include "ui/playback/PlaybackStream.h"

#include <QAction>
#include <QActionGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QStackedLayout>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace shellac::ui {

namespace {

QToolButton* toolButton(QAction* action, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    return button;
}

QString frameTime(std::int64_t frame, int rate)
{
    return formatDuration(rate > 0 ? double(frame) / rate : 0.0);
}

} // namespace

EditorWidget::EditorWidget(QWidget* parent)
    : QWidget(parent), m_viewport(new TimelineViewport(this)), m_playback(new PlaybackController(this)),
      m_stack(new QStackedLayout), m_hint(new QLabel(this)), m_ruler(new TimeRuler(m_viewport, this)),
      m_wave(new WaveformLane(m_viewport, this)), m_residual(new WaveformLane(m_viewport, this)),
      m_spectrogram(new SpectrogramLane(m_viewport, this)), m_scroll(new QScrollBar(Qt::Horizontal, this)),
      m_position(new QLabel(this)), m_playbackNote(new QLabel(this))
{
    createActions();

    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setText(tr("<h2>Drop recordings here</h2>"
                       "<p>WAV, FLAC, Ogg Vorbis or AIFF files, or whole folders of them.<br>"
                       "Or use File ▸ Open (Ctrl+O). Your originals are never modified.</p>"));

    auto* page = new QWidget(this);
    auto* column = new QVBoxLayout(page);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto* transport = new QHBoxLayout;
    for (QAction* a : {m_toStart, m_playPause, m_stop, m_loop})
        transport->addWidget(toolButton(a, page));
    transport->addSpacing(12);
    for (QAction* a : m_choice) {
        QToolButton* b = toolButton(a, page);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        transport->addWidget(b);
    }
    transport->addSpacing(12);
    for (QAction* a : {m_zoomIn, m_zoomOut, m_zoomSelection, m_zoomFit})
        transport->addWidget(toolButton(a, page));
    m_playbackNote->setObjectName(QStringLiteral("playbackNote"));
    m_playbackNote->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    transport->addWidget(m_playbackNote, 1);
    m_position->setObjectName(QStringLiteral("positionLabel"));
    m_position->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_position->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_position->setMinimumWidth(m_position->fontMetrics().horizontalAdvance(QStringLiteral("0:00.000 / 0:00.000")));
    m_position->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    transport->addWidget(m_position, 2);
    column->addLayout(transport);
    column->addWidget(m_ruler);
    column->addWidget(m_wave, 3);
    column->addWidget(m_residual, 2);
    column->addWidget(m_spectrogram, 3);
    column->addWidget(m_scroll);
    m_residual->setTitle(tr("Residual (removed)"));
    // Views of a 1-hour stereo file stay under 100 MB: ~30 MB of waveform summary, at most
    // 32 MB of spectrogram tiles and 16 MB of their colour-mapped images.
    m_spectrogram->cache()->setMaxBytes(32 * 1024 * 1024);
    m_wave->setFocusPolicy(Qt::StrongFocus);

    m_stack->addWidget(m_hint);
    m_stack->addWidget(page);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addLayout(m_stack);

    connect(m_viewport, &TimelineViewport::viewChanged, this, &EditorWidget::syncScrollBar);
    connect(m_scroll, &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_syncingScroll)
            m_viewport->setView(double(value) * m_viewport->framesPerPixel(), m_viewport->framesPerPixel());
    });
    connect(m_viewport, &TimelineViewport::selectionChanged, this, [this] {
        m_playback->setSelection(m_viewport->selection());
        if (m_loop->isChecked())
            m_playback->setLoop(m_viewport->selection());
        m_zoomSelection->setEnabled(m_viewport->selection().has_value());
        refreshPositionLabel();
        Q_EMIT selectionChanged();
    });
    connect(m_viewport, &TimelineViewport::playheadChanged, this, [this](std::int64_t frame) {
        if (frame != m_playback->position())
            m_playback->seek(frame);
        refreshPositionLabel();
    });
    connect(m_playback, &PlaybackController::positionChanged, this, [this](std::int64_t frame) {
        m_viewport->setPlayhead(frame);
        if (m_playback->state() == PlaybackController::State::Playing)
            m_viewport->ensureVisible(frame);
    });
    connect(m_playback, &PlaybackController::stateChanged, this, [this](PlaybackController::State state) {
        const bool playing = state == PlaybackController::State::Playing;
        m_playPause->setText(playing ? tr("Pause") : tr("Play"));
        m_playPause->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    connect(m_playback, &PlaybackController::choiceChanged, this, [this] {
        refreshChoiceActions();
        refreshLanes();
    });
    connect(m_playback, &PlaybackController::errorOccurred, this, &EditorWidget::message);
    connect(m_playback, &PlaybackController::availabilityChanged, this, [this] { refreshPositionLabel(); });

    setDocument(nullptr);
}

EditorWidget::~EditorWidget()
{
    m_playback->clearStreams();
}

void EditorWidget::createActions()
{
    auto make = [this](const QString& text, const QKeySequence& key, const QString& tip) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        a->setStatusTip(tip);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        return a;
    };
    m_zoomIn = make(tr("Zoom &In"), QKeySequence(Qt::CTRL | Qt::Key_Equal), tr("Zoom in around the playhead"));
    auto themeIcon = [](QAction* a, const QString& name) {
        if (QIcon::hasThemeIcon(name))
            a->setIcon(QIcon::fromTheme(name));
    };
    themeIcon(m_zoomIn, QStringLiteral("zoom-in"));
    m_zoomOut = make(tr("Zoom &Out"), QKeySequence(Qt::CTRL | Qt::Key_Minus), tr("Zoom out around the playhead"));
    themeIcon(m_zoomOut, QStringLiteral("zoom-out"));
    m_zoomFit = make(tr("Zoom to &Fit"), QKeySequence(Qt::CTRL | Qt::Key_0), tr("Show the whole recording"));
    themeIcon(m_zoomFit, QStringLiteral("zoom-fit-best"));
    m_zoomSelection = make(tr("Zoom to &Selection"), QKeySequence(Qt::CTRL | Qt::Key_E), tr("Show the selection"));
    themeIcon(m_zoomSelection, QStringLiteral("zoom-select"));
    // Short button labels where the icon theme has no zoom icons; the menus keep the full names.
    m_zoomIn->setIconText(QStringLiteral("+"));
    m_zoomOut->setIconText(QStringLiteral("−"));
    m_zoomSelection->setIconText(tr("Sel"));
    m_zoomFit->setIconText(tr("Fit"));
    m_showResidual = make(tr("Show &Residual Lane"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R),
                          tr("Show what the restoration removed as its own lane"));
    m_showResidual->setCheckable(true);
    m_showResidual->setChecked(true);
    m_logFrequency = make(tr("&Logarithmic Frequency"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L),
                          tr("Spectrogram frequency axis: logarithmic instead of linear"));
    m_logFrequency->setCheckable(true);
    m_logFrequency->setChecked(true);
    for (QAction* a : {m_zoomIn, m_zoomOut})
        connect(a, &QAction::triggered, this, [this, a] {
            const double anchor = double(m_viewport->playhead());
            const auto visible = m_viewport->visibleRange();
            const bool onScreen = anchor >= double(visible.start) && anchor <= double(visible.end);
            m_viewport->zoomSteps(a == m_zoomIn ? -2 : 2, onScreen ? anchor : 0.5 * double(visible.start + visible.end));
        });
    connect(m_zoomFit, &QAction::triggered, m_viewport, &TimelineViewport::zoomToFit);
    connect(m_zoomSelection, &QAction::triggered, m_viewport, &TimelineViewport::zoomToSelection);
    connect(m_showResidual, &QAction::toggled, this, &EditorWidget::refreshLanes);
    connect(m_logFrequency, &QAction::toggled, this, [this](bool on) { m_spectrogram->setLogFrequency(on); });

    m_playPause = make(tr("&Play"), QKeySequence(Qt::Key_Space), tr("Play or pause"));
    m_playPause->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_stop = make(tr("&Stop"), QKeySequence(Qt::Key_Period), tr("Stop and go back to where playing started"));
    m_stop->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_loop = make(tr("&Loop Selection"), QKeySequence(Qt::Key_L), tr("Repeat the selection while playing"));
    m_loop->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_loop->setCheckable(true);
    m_toStart = make(tr("Go to S&tart"), QKeySequence(Qt::Key_Home), tr("Move the playhead to the start"));
    m_toStart->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    connect(m_playPause, &QAction::triggered, m_playback, &PlaybackController::togglePlayPause);
    connect(m_stop, &QAction::triggered, m_playback, &PlaybackController::stop);
    connect(m_toStart, &QAction::triggered, this, [this] { m_viewport->setPlayhead(0); });
    connect(m_loop, &QAction::toggled, this, [this](bool on) {
        m_playback->setLoop(on ? m_viewport->selection() : std::nullopt);
    });

    m_choiceGroup = new QActionGroup(this);
    const std::array<QString, 3> names{tr("&Original"), tr("&Restored"), tr("Resi&dual")};
    const std::array<QString, 3> tips{tr("Listen to the original recording"),
                                      tr("Listen to the restoration (or the selection preview)"),
                                      tr("Listen to what the restoration removed")};
    for (int i = 0; i < 3; ++i) {
        m_choice[i] = make(names[std::size_t(i)], QKeySequence(Qt::Key_1 + i), tips[std::size_t(i)]);
        m_choice[i]->setCheckable(true);
        m_choice[i]->setObjectName(QStringLiteral("choice%1").arg(i));
        m_choiceGroup->addAction(m_choice[i]);
        connect(m_choice[i], &QAction::triggered, this, [this, i] { m_playback->setChoice(AbChoice(i)); });
    }
    m_choice[0]->setChecked(true);
}

QList<QAction*> EditorWidget::viewActions() const
{
    return {m_zoomIn, m_zoomOut, m_zoomSelection, m_zoomFit, nullptr, m_showResidual, m_logFrequency};
}

QList<QAction*> EditorWidget::playbackActions() const
{
    return {m_playPause, m_stop, m_toStart, m_loop, nullptr, m_choice[0], m_choice[1], m_choice[2]};
}

QAction* EditorWidget::choiceAction(AbChoice choice) const { return m_choice[int(choice)]; }

void EditorWidget::setDocument(EditorDocument* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_previewing = false;
    if (document) {
        connect(document, &EditorDocument::currentTakeChanged, this, [this] {
            m_previewing = false;
            reloadStreams();
            refreshLanes();
        });
        connect(document, &EditorDocument::statusChanged, this, [this] {
            // Opening finished, or the original went missing / came back.
            if (m_document && m_document->isUsable() != m_playback->hasStreams())
                reloadDocument();
        });
    }
    reloadDocument();
}

void EditorWidget::reloadDocument()
{
    const bool usable = m_document && m_document->isUsable();
    m_stack->setCurrentIndex(m_document ? 1 : 0);
    for (QAction* a : viewActions() + playbackActions())
        if (a)
            a->setEnabled(usable);
    if (!m_document) {
        m_playback->clearStreams();
        m_wave->setSummary(nullptr);
        m_residual->setSummary(nullptr);
        m_spectrogram->setSource(QString());
        return;
    }
    if (!usable) {
        m_playback->clearStreams();
        const QString text = m_document->errorMessage().isEmpty() ? tr("Opening %1…").arg(m_document->fileName())
                                                                  : m_document->errorMessage();
        m_wave->setSummary(nullptr);
        m_wave->setErrorText(text);
        m_residual->hide();
        m_spectrogram->setSource(QString());
        return;
    }
    m_viewport->setDocument(m_document->format().frames, m_document->format().sampleRate);
    reloadStreams();
    refreshLanes();
}

void EditorWidget::reloadStreams()
{
    if (!m_document || !m_document->isUsable())
        return;
    auto original = FileStream::open(m_document->path());
    if (!original) {
        m_playback->clearStreams();
        Q_EMIT message(original.error().message());
        return;
    }
    std::shared_ptr<PlaybackStream> restored;
    std::shared_ptr<PlaybackStream> residual;
    if (const AppliedTake* take = m_document->currentTake()) {
        if (auto r = FileStream::open(take->restoredPath))
            restored = r.value();
        else
            Q_EMIT message(r.error().message());
        if (restored && !take->residualPath.isEmpty())
            if (auto d = FileStream::open(take->residualPath))
                residual = d.value();
        if (restored && !residual)
            if (auto d = DifferenceStream::create(original.value(), restored))
                residual = d.value();
    }
    if (Status s = m_playback->setStreams(original.value(), restored, residual); !s)
        Q_EMIT message(s.error().message());
    if (!m_playback->hasChoice(m_playback->choice()))
        m_playback->setChoice(AbChoice::Original);
    refreshChoiceActions();
}

void EditorWidget::setPreview(const SelectionPreviewResult& preview)
{
    if (!m_document || !m_document->isUsable())
        return;
    auto original = FileStream::open(m_document->path());
    if (!original) {
        Q_EMIT message(original.error().message());
        return;
    }
    auto restored = InMemoryStream::create(original.value(), preview.restored, preview.startFrame, tr("Preview"));
    if (!restored) {
        Q_EMIT message(restored.error().message());
        return;
    }
    auto residual = DifferenceStream::create(original.value(), restored.value());
    if (Status s = m_playback->setStreams(original.value(), restored.value(),
                                          residual ? std::shared_ptr<PlaybackStream>(residual.value()) : nullptr);
        !s) {
        Q_EMIT message(s.error().message());
        return;
    }
    m_previewing = true;
    m_wave->setOverlay(std::make_shared<const AudioBlock>(preview.restored), preview.startFrame);
    m_viewport->setSelection(preview.startFrame, preview.startFrame + preview.restored.frames());
    m_playback->setChoice(AbChoice::Restored);
    refreshChoiceActions();
    refreshLanes();
}

std::shared_ptr<const WaveformSummary> EditorWidget::summaryFor(const QString& path, QString* error)
{
    for (auto it = m_summaries.begin(); it != m_summaries.end(); ++it) {
        if (it->first == path) {
            m_summaries.splice(m_summaries.begin(), m_summaries, it);
            return m_summaries.front().second;
        }
    }
    auto built = WaveformSummary::build(path);
    if (!built) {
        *error = built.error().message();
        return nullptr;
    }
    m_summaries.emplace_front(path, std::shared_ptr<const WaveformSummary>(std::move(built.value())));
    while (m_summaries.size() > kSummaryCacheSize)
        m_summaries.pop_back();
    return m_summaries.front().second;
}

void EditorWidget::refreshLanes()
{
    if (!m_document || !m_document->isUsable())
        return;
    const AppliedTake* take = m_previewing ? nullptr : m_document->currentTake();
    const AbChoice choice = m_playback->choice();
    const bool showRestored = take && choice != AbChoice::Original;

    QString error;
    const QString wavePath = showRestored ? take->restoredPath : m_document->path();
    // Unchanged files keep their lanes' state (raw-sample window, pending tiles): A/B switching
    // calls this on every key press.
    if (const auto summary = summaryFor(wavePath, &error); summary != m_wave->summary() || !error.isEmpty()) {
        m_wave->setSummary(summary);
        m_wave->setErrorText(error);
    }
    m_wave->setTitle(showRestored  ? tr("Restored")
                     : m_previewing ? tr("Original, and the restored preview (green) inside the selection")
                                    : tr("Original"));
    if (!m_previewing)
        m_wave->setOverlay(nullptr, 0);
    m_wave->setMarkers(m_previewing ? std::vector<eval::SampleInterval>{} : m_document->clicks());

    const bool residualVisible = m_showResidual->isChecked() && take && !take->residualPath.isEmpty();
    m_residual->setVisible(residualVisible);
    if (residualVisible) {
        error.clear();
        if (const auto summary = summaryFor(take->residualPath, &error); summary != m_residual->summary() || !error.isEmpty()) {
            m_residual->setSummary(summary);
            m_residual->setErrorText(error);
        }
        m_residual->setMarkers(m_document->clicks());
    }

    QString spectrogramPath = m_document->path();
    QString spectrogramTitle = tr("Spectrogram: Original");
    if (take && choice == AbChoice::Restored) {
        spectrogramPath = take->restoredPath;
        spectrogramTitle = tr("Spectrogram: Restored");
    } else if (take && choice == AbChoice::Residual && !take->residualPath.isEmpty()) {
        spectrogramPath = take->residualPath;
        spectrogramTitle = tr("Spectrogram: Residual");
    }
    if (spectrogramPath != m_spectrogram->source())
        m_spectrogram->setSource(spectrogramPath);
    m_spectrogram->setTitle(spectrogramTitle);
    refreshPositionLabel();
}

void EditorWidget::refreshChoiceActions()
{
    for (int i = 0; i < 3; ++i)
        m_choice[i]->setEnabled(m_playback->hasChoice(AbChoice(i)));
    m_choice[int(m_playback->choice())]->setChecked(true);
}

void EditorWidget::refreshPositionLabel()
{
    const int rate = m_viewport->sampleRate();
    QString text = frameTime(m_viewport->playhead(), rate) + QStringLiteral(" / ") + frameTime(m_viewport->frameCount(), rate);
    if (const auto sel = m_viewport->selection())
        text += tr("   selection %1–%2 (%3)")
                    .arg(frameTime(sel->start, rate), frameTime(sel->end, rate), frameTime(sel->length(), rate));
    m_position->setText(text);
    // Short in the transport row (a long text would squeeze the docks); the reason in full as tooltip.
    m_playbackNote->setText(m_playback->isAvailable() ? QString() : tr("No audio device"));
    m_playbackNote->setToolTip(m_playback->isAvailable() ? QString() : m_playback->unavailableReason());
}

void EditorWidget::syncScrollBar()
{
    m_syncingScroll = true;
    const double fpp = m_viewport->framesPerPixel();
    const double totalPixels = double(m_viewport->frameCount()) / fpp;
    const int page = m_viewport->width();
    m_scroll->setRange(0, int(std::clamp(totalPixels - page, 0.0, 2.0e9)));
    m_scroll->setPageStep(page);
    m_scroll->setSingleStep(std::max(1, page / 16));
    m_scroll->setValue(int(std::min(m_viewport->startFrame() / fpp, 2.0e9)));
    m_syncingScroll = false;
}

std::optional<std::pair<double, double>> EditorWidget::selectionSeconds() const
{
    const auto sel = m_viewport->selection();
    if (!sel || m_viewport->sampleRate() <= 0)
        return std::nullopt;
    const double rate = m_viewport->sampleRate();
    return std::pair(double(sel->start) / rate, double(sel->end) / rate);
}

} // namespace shellac::ui
