#include "audio/AudioFileWriter.h"

#include "audio/SndfileFormat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QTemporaryFile>

#include <sndfile.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace shellac {

namespace {

Error fail(const QString& path, const QString& reason)
{
    return Error{QDir::toNativeSeparators(path), reason};
}

/// Permission bits a newly created file would get (0666 minus the process umask).
mode_t defaultFileMode()
{
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

} // namespace

struct AudioFileWriter::Impl {
    QString target;
    QString temporary;
    AudioWriteSpec spec;
    SNDFILE* file = nullptr;
    std::int64_t frames = 0;
    bool finished = false;
    std::vector<float> interleaved;

    ~Impl() { discard(); }

    void closeFile()
    {
        if (file)
            sf_close(file);
        file = nullptr;
    }

    void discard()
    {
        closeFile();
        if (!finished && !temporary.isEmpty())
            QFile::remove(temporary);
        finished = true;
    }
};

AudioFileWriter::AudioFileWriter(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
AudioFileWriter::~AudioFileWriter() = default;

const QString& AudioFileWriter::targetPath() const { return d->target; }
const QString& AudioFileWriter::temporaryPath() const { return d->temporary; }
std::int64_t AudioFileWriter::framesWritten() const { return d->frames; }

Status AudioFileWriter::checkDestination(const QString& path, OverwritePolicy policy)
{
    if (path.isEmpty())
        return fail(path, QObject::tr("no output file name given"));
    const QFileInfo info(path);
    const QFileInfo folder(info.absolutePath());
    if (!folder.exists())
        return fail(path, QObject::tr("output folder %1 does not exist")
                              .arg(QDir::toNativeSeparators(folder.absoluteFilePath())));
    if (!folder.isDir())
        return fail(path, QObject::tr("%1 is not a folder")
                              .arg(QDir::toNativeSeparators(folder.absoluteFilePath())));
    if (::access(QFile::encodeName(folder.absoluteFilePath()).constData(), W_OK | X_OK) != 0)
        return fail(path, QObject::tr("output folder %1 is not writable (permission denied)")
                              .arg(QDir::toNativeSeparators(folder.absoluteFilePath())));
    if (info.isDir())
        return fail(path, QObject::tr("is a folder; give a file name for the output"));
    if (info.exists() && policy == OverwritePolicy::Refuse)
        return fail(path, QObject::tr("already exists (use --force to overwrite it)"));
    if (!containerForPath(path))
        return fail(path, QObject::tr("unknown output format '.%1' (use %2)")
                              .arg(info.suffix(), writableExtensionsText()));
    return Status::success();
}

Result<std::unique_ptr<AudioFileWriter>> AudioFileWriter::create(const QString& path,
                                                                 const AudioWriteSpec& spec,
                                                                 OverwritePolicy policy)
{
    if (Status destination = checkDestination(path, policy); !destination)
        return destination.error();
    if (spec.sampleRate < AudioLimits::kMinSampleRate || spec.sampleRate > AudioLimits::kMaxSampleRate)
        return fail(path, QObject::tr("unsupported output sample rate %1 Hz (Shellac supports %2–%3 Hz)")
                              .arg(spec.sampleRate)
                              .arg(AudioLimits::kMinSampleRate)
                              .arg(AudioLimits::kMaxSampleRate));
    if (spec.channels < 1 || spec.channels > AudioLimits::kMaxChannels)
        return fail(path, QObject::tr("unsupported output channel count %1 (Shellac supports 1–%2)")
                              .arg(spec.channels)
                              .arg(AudioLimits::kMaxChannels));
    const int code = sndfileFormatCode(spec.container, spec.encoding);
    AudioFormat shown;
    shown.container = spec.container;
    shown.encoding = spec.encoding;
    if (code == 0)
        return fail(path, QObject::tr("%1 files cannot store %2 samples")
                              .arg(shown.containerName(), shown.encodingName()));

    auto impl = std::make_unique<Impl>();
    impl->target = QFileInfo(path).absoluteFilePath();
    impl->spec = spec;
    {
        const QFileInfo info(impl->target);
        QTemporaryFile reserve(info.absolutePath() + QStringLiteral("/.") + info.fileName()
                               + QStringLiteral(".XXXXXX.part"));
        reserve.setAutoRemove(false);
        if (!reserve.open())
            return fail(path, QObject::tr("cannot create a temporary file in %1 (%2)")
                                  .arg(QDir::toNativeSeparators(info.absolutePath()),
                                       reserve.errorString()));
        impl->temporary = reserve.fileName();
    }

    SF_INFO sfInfo{};
    sfInfo.samplerate = spec.sampleRate;
    sfInfo.channels = spec.channels;
    sfInfo.format = code;
    if (!sf_format_check(&sfInfo))
        return fail(path, QObject::tr("%1 %2 cannot be written at %3 Hz with %4 channels")
                              .arg(shown.containerName(), shown.encodingName())
                              .arg(spec.sampleRate)
                              .arg(spec.channels));
    impl->file = sf_open(QFile::encodeName(impl->temporary).constData(), SFM_WRITE, &sfInfo);
    if (!impl->file)
        return fail(path, QObject::tr("cannot write the output (%1)")
                              .arg(QString::fromLocal8Bit(sf_strerror(nullptr))));
    sf_command(impl->file, SFC_SET_CLIPPING, nullptr, SF_TRUE);
    return std::unique_ptr<AudioFileWriter>(new AudioFileWriter(std::move(impl)));
}

Status AudioFileWriter::write(const AudioBlock& block)
{
    if (d->finished || !d->file)
        return fail(d->target, QObject::tr("write after the file was finished"));
    if (block.channels() != d->spec.channels)
        return fail(d->target, QObject::tr("block has %1 channels, the file %2")
                                   .arg(block.channels())
                                   .arg(d->spec.channels));
    if (block.isEmpty())
        return Status::success();
    d->interleaved.resize(static_cast<std::size_t>(block.frames() * block.channels()));
    block.interleaveTo(d->interleaved.data());
    const sf_count_t put = sf_writef_float(d->file, d->interleaved.data(), block.frames());
    if (put != block.frames())
        return fail(d->target, QObject::tr("write failed after %1 frames (%2); is the disk full?")
                                   .arg(d->frames + put)
                                   .arg(QString::fromLocal8Bit(sf_strerror(d->file))));
    d->frames += put;
    return Status::success();
}

Status AudioFileWriter::commit()
{
    if (d->finished)
        return fail(d->target, QObject::tr("the file was already finished or discarded"));
    sf_write_sync(d->file);
    d->closeFile();
    const QByteArray tmp = QFile::encodeName(d->temporary);
    const QByteArray dst = QFile::encodeName(d->target);
    struct stat existing{};
    const mode_t mode = ::stat(dst.constData(), &existing) == 0 ? (existing.st_mode & 07777)
                                                                 : defaultFileMode();
    ::chmod(tmp.constData(), mode);
    if (std::rename(tmp.constData(), dst.constData()) != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        d->discard();
        return fail(d->target, QObject::tr("cannot move the finished file into place (%1)").arg(why));
    }
    d->finished = true;
    return Status::success();
}

void AudioFileWriter::discard()
{
    d->discard();
}

} // namespace shellac
