#include "audio/AudioFileReader.h"

#include "audio/SndfileFormat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>

#include <sndfile.h>

#include <cmath>
#include <vector>

namespace shellac {

namespace {

Error fail(const QString& path, const QString& reason)
{
    return Error{QDir::toNativeSeparators(path), reason};
}

bool looksLikeText(const QByteArray& head)
{
    if (head.isEmpty())
        return false;
    int printable = 0;
    for (char ch : head) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c < 0x7f) || c >= 0xc0)
            ++printable;
        else if (c == 0)
            return false;
    }
    return printable >= head.size() * 95 / 100;
}

/// Explains why libsndfile could not open a file, from its first bytes.
QString explainOpenFailure(const QString& path, const char* sndfileMessage)
{
    QFile file(path);
    QByteArray head;
    if (file.open(QIODevice::ReadOnly))
        head = file.read(512);
    const QString detail = QString::fromLocal8Bit(sndfileMessage).trimmed();
    auto damaged = [&](const QString& kind) {
        return QObject::tr("damaged %1 file: the header is truncated or corrupt (%2)").arg(kind, detail);
    };
    if (head.startsWith("RIFF") || head.startsWith("RIFX") || head.startsWith("RF64"))
        return damaged(QStringLiteral("WAV"));
    if (head.startsWith("FORM"))
        return damaged(QStringLiteral("AIFF"));
    if (head.startsWith("fLaC"))
        return damaged(QStringLiteral("FLAC"));
    if (head.startsWith("OggS"))
        return damaged(QStringLiteral("Ogg"));
    if (looksLikeText(head))
        return QObject::tr("not an audio file: it contains text, not audio data");
    return QObject::tr("not a recognised audio format (%1)").arg(detail);
}

} // namespace

struct AudioFileReader::Impl {
    QString path;
    AudioFormat format;
    SNDFILE* file = nullptr;
    std::int64_t position = 0;
    std::vector<float> interleaved;

    ~Impl()
    {
        if (file)
            sf_close(file);
    }
};

AudioFileReader::AudioFileReader(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
AudioFileReader::~AudioFileReader() = default;

const QString& AudioFileReader::path() const { return d->path; }
const AudioFormat& AudioFileReader::format() const { return d->format; }
std::int64_t AudioFileReader::position() const { return d->position; }

Result<std::unique_ptr<AudioFileReader>> AudioFileReader::open(const QString& path)
{
    const QFileInfo info(path);
    if (path.isEmpty())
        return fail(path, QObject::tr("no file name given"));
    if (!info.exists())
        return fail(path, QObject::tr("file does not exist"));
    if (info.isDir())
        return fail(path, QObject::tr("is a folder, not an audio file"));
    if (!info.isFile())
        return fail(path, QObject::tr("is not a regular file"));
    if (!info.isReadable())
        return fail(path, QObject::tr("permission denied: the file is not readable"));
    if (info.size() == 0)
        return fail(path, QObject::tr("file is empty (0 bytes)"));

    auto impl = std::make_unique<Impl>();
    impl->path = path;
    SF_INFO sfInfo{};
    impl->file = sf_open(QFile::encodeName(path).constData(), SFM_READ, &sfInfo);
    if (!impl->file)
        return fail(path, explainOpenFailure(path, sf_strerror(nullptr)));

    impl->format = formatFromSndfile(impl->file, sfInfo);
    const AudioFormat& f = impl->format;
    if (f.sampleRate < AudioLimits::kMinSampleRate || f.sampleRate > AudioLimits::kMaxSampleRate)
        return fail(path, QObject::tr("unsupported sample rate %1 Hz (Shellac supports %2–%3 Hz)")
                              .arg(f.sampleRate)
                              .arg(AudioLimits::kMinSampleRate)
                              .arg(AudioLimits::kMaxSampleRate));
    if (f.channels < 1 || f.channels > AudioLimits::kMaxChannels)
        return fail(path, QObject::tr("unsupported channel count %1 (Shellac supports 1–%2 channels)")
                              .arg(f.channels)
                              .arg(AudioLimits::kMaxChannels));
    if (f.frames <= 0)
        return fail(path, QObject::tr("contains no audio (0 frames)"));

    // Integer files are scaled to [-1, 1) (libsndfile default, set explicitly as a contract).
    sf_command(impl->file, SFC_SET_NORM_FLOAT, nullptr, SF_TRUE);
    return std::unique_ptr<AudioFileReader>(new AudioFileReader(std::move(impl)));
}

Result<std::int64_t> AudioFileReader::read(AudioBlock& block, std::int64_t maxFrames)
{
    const int channels = d->format.channels;
    block.resize(channels, 0);
    if (maxFrames <= 0)
        return std::int64_t{0};
    d->interleaved.resize(static_cast<std::size_t>(maxFrames * channels));
    const sf_count_t got = sf_readf_float(d->file, d->interleaved.data(), maxFrames);
    if (got < 0 || (got == 0 && sf_error(d->file) != SF_ERR_NO_ERROR))
        return fail(d->path, QObject::tr("read error at frame %1 (%2)")
                                 .arg(d->position)
                                 .arg(QString::fromLocal8Bit(sf_strerror(d->file))));
    const std::int64_t n = got;
    for (std::int64_t i = 0; i < n * channels; ++i) {
        if (!std::isfinite(d->interleaved[static_cast<std::size_t>(i)])) {
            const std::int64_t frame = d->position + i / channels;
            return fail(d->path,
                        QObject::tr("contains an invalid sample (NaN or infinity) at %1 "
                                    "(frame %2, channel %3)")
                            .arg(formatDuration(double(frame) / d->format.sampleRate))
                            .arg(frame)
                            .arg(i % channels + 1));
        }
    }
    block.deinterleaveFrom(d->interleaved.data(), n);
    d->position += n;
    return n;
}

Status AudioFileReader::seek(std::int64_t frame)
{
    if (sf_seek(d->file, frame, SEEK_SET) < 0)
        return fail(d->path, QObject::tr("cannot seek to frame %1").arg(frame));
    d->position = frame;
    return Status::success();
}

} // namespace shellac
