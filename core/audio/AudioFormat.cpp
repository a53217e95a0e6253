#include "audio/AudioFormat.h"

#include <QFileInfo>

#include <cmath>

namespace shellac {

QString AudioFormat::containerName() const
{
    switch (container) {
    case Container::Wav: return QStringLiteral("WAV");
    case Container::Flac: return QStringLiteral("FLAC");
    case Container::OggVorbis: return QStringLiteral("OGG");
    case Container::Aiff: return QStringLiteral("AIFF");
    case Container::Other: break;
    }
    return containerLabel.isEmpty() ? QStringLiteral("OTHER") : containerLabel;
}

QString AudioFormat::encodingName() const
{
    switch (encoding) {
    case SampleEncoding::PcmS8: return QStringLiteral("PCM_S8");
    case SampleEncoding::PcmU8: return QStringLiteral("PCM_U8");
    case SampleEncoding::Pcm16: return QStringLiteral("PCM_16");
    case SampleEncoding::Pcm24: return QStringLiteral("PCM_24");
    case SampleEncoding::Pcm32: return QStringLiteral("PCM_32");
    case SampleEncoding::Float32: return QStringLiteral("FLOAT");
    case SampleEncoding::Float64: return QStringLiteral("DOUBLE");
    case SampleEncoding::Vorbis: return QStringLiteral("VORBIS");
    case SampleEncoding::Other: break;
    }
    return QStringLiteral("OTHER");
}

std::optional<Container> containerForPath(const QString& path)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == u"wav" || ext == u"wave")
        return Container::Wav;
    if (ext == u"flac")
        return Container::Flac;
    if (ext == u"ogg" || ext == u"oga")
        return Container::OggVorbis;
    if (ext == u"aif" || ext == u"aiff" || ext == u"aifc")
        return Container::Aiff;
    return std::nullopt;
}

QString writableExtensionsText()
{
    return QStringLiteral(".wav, .flac, .ogg, .aiff");
}

QStringList readableNameFilters()
{
    return {QStringLiteral("*.wav"), QStringLiteral("*.wave"), QStringLiteral("*.flac"),
            QStringLiteral("*.ogg"), QStringLiteral("*.oga"), QStringLiteral("*.aif"),
            QStringLiteral("*.aiff"), QStringLiteral("*.aifc"), QStringLiteral("*.w64"),
            QStringLiteral("*.caf"), QStringLiteral("*.mp3")};
}

bool canWrite(Container container, SampleEncoding encoding)
{
    switch (container) {
    case Container::Wav:
        return encoding == SampleEncoding::PcmU8 || encoding == SampleEncoding::Pcm16
            || encoding == SampleEncoding::Pcm24 || encoding == SampleEncoding::Pcm32
            || encoding == SampleEncoding::Float32 || encoding == SampleEncoding::Float64;
    case Container::Aiff:
        return encoding == SampleEncoding::PcmS8 || encoding == SampleEncoding::Pcm16
            || encoding == SampleEncoding::Pcm24 || encoding == SampleEncoding::Pcm32
            || encoding == SampleEncoding::Float32 || encoding == SampleEncoding::Float64;
    case Container::Flac:
        return encoding == SampleEncoding::PcmS8 || encoding == SampleEncoding::Pcm16
            || encoding == SampleEncoding::Pcm24;
    case Container::OggVorbis:
        return encoding == SampleEncoding::Vorbis;
    case Container::Other:
        return false;
    }
    return false;
}

SampleEncoding encodingForOutput(Container container, SampleEncoding source)
{
    if (canWrite(container, source))
        return source;
    if (container == Container::OggVorbis)
        return SampleEncoding::Vorbis;
    if (container == Container::Wav && source == SampleEncoding::PcmS8)
        return SampleEncoding::Pcm16;
    if (container == Container::Aiff && source == SampleEncoding::PcmU8)
        return SampleEncoding::Pcm16;
    if (container == Container::Flac && source == SampleEncoding::PcmU8)
        return SampleEncoding::Pcm16;
    // Float, 32-bit, lossy or unknown sources: 24-bit PCM keeps ~144 dB of dynamic range.
    return SampleEncoding::Pcm24;
}

std::optional<SampleEncoding> encodingFromName(const QString& name)
{
    const QString n = name.trimmed().toLower().remove(QLatin1Char('_')).remove(QLatin1Char('-'));
    if (n == u"8" || n == u"pcms8") return SampleEncoding::PcmS8;
    if (n == u"u8" || n == u"pcmu8") return SampleEncoding::PcmU8;
    if (n == u"16" || n == u"pcm16") return SampleEncoding::Pcm16;
    if (n == u"24" || n == u"pcm24") return SampleEncoding::Pcm24;
    if (n == u"32" || n == u"pcm32") return SampleEncoding::Pcm32;
    if (n == u"float" || n == u"float32" || n == u"f32") return SampleEncoding::Float32;
    if (n == u"double" || n == u"float64" || n == u"f64") return SampleEncoding::Float64;
    if (n == u"vorbis") return SampleEncoding::Vorbis;
    return std::nullopt;
}

QString describe(const AudioFormat& format)
{
    return QStringLiteral("%1, %2, %3 Hz, %4 ch")
        .arg(format.containerName(), format.encodingName())
        .arg(format.sampleRate)
        .arg(format.channels);
}

QString formatDuration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        seconds = 0;
    const auto totalMs = static_cast<long long>(std::llround(seconds * 1000.0));
    const long long h = totalMs / 3600000;
    const long long m = (totalMs / 60000) % 60;
    const double s = (totalMs % 60000) / 1000.0;
    const QString sec = QStringLiteral("%1").arg(s, 6, 'f', 3, QLatin1Char('0'));
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(sec);
    return QStringLiteral("%1:%2").arg(m).arg(sec);
}

} // namespace shellac
