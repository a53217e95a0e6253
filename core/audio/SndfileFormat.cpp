#include "audio/SndfileFormat.h"

namespace shellac {

AudioFormat formatFromSndfile(SNDFILE* /*file*/, const SF_INFO& info)
{
    AudioFormat f;
    f.sampleRate = info.samplerate;
    f.channels = info.channels;
    f.frames = info.frames;
    switch (info.format & SF_FORMAT_TYPEMASK) {
    case SF_FORMAT_WAV:
    case SF_FORMAT_WAVEX:
    case SF_FORMAT_RF64: f.container = Container::Wav; break;
    case SF_FORMAT_FLAC: f.container = Container::Flac; break;
    case SF_FORMAT_OGG: f.container = Container::OggVorbis; break;
    case SF_FORMAT_AIFF: f.container = Container::Aiff; break;
    default: {
        f.container = Container::Other;
        SF_FORMAT_INFO formatInfo{};
        formatInfo.format = info.format & SF_FORMAT_TYPEMASK;
        if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &formatInfo, sizeof(formatInfo)) == 0
            && formatInfo.extension)
            f.containerLabel = QString::fromLatin1(formatInfo.extension).toUpper();
        break;
    }
    }
    switch (info.format & SF_FORMAT_SUBMASK) {
    case SF_FORMAT_PCM_S8: f.encoding = SampleEncoding::PcmS8; break;
    case SF_FORMAT_PCM_U8: f.encoding = SampleEncoding::PcmU8; break;
    case SF_FORMAT_PCM_16: f.encoding = SampleEncoding::Pcm16; break;
    case SF_FORMAT_PCM_24: f.encoding = SampleEncoding::Pcm24; break;
    case SF_FORMAT_PCM_32: f.encoding = SampleEncoding::Pcm32; break;
    case SF_FORMAT_FLOAT: f.encoding = SampleEncoding::Float32; break;
    case SF_FORMAT_DOUBLE: f.encoding = SampleEncoding::Float64; break;
    case SF_FORMAT_VORBIS: f.encoding = SampleEncoding::Vorbis; break;
    default: f.encoding = SampleEncoding::Other; break;
    }
    return f;
}

int sndfileFormatCode(Container container, SampleEncoding encoding)
{
    if (!canWrite(container, encoding))
        return 0;
    int major = 0;
    switch (container) {
    case Container::Wav: major = SF_FORMAT_WAV; break;
    case Container::Flac: major = SF_FORMAT_FLAC; break;
    case Container::OggVorbis: major = SF_FORMAT_OGG; break;
    case Container::Aiff: major = SF_FORMAT_AIFF; break;
    case Container::Other: return 0;
    }
    int sub = 0;
    switch (encoding) {
    case SampleEncoding::PcmS8: sub = SF_FORMAT_PCM_S8; break;
    case SampleEncoding::PcmU8: sub = SF_FORMAT_PCM_U8; break;
    case SampleEncoding::Pcm16: sub = SF_FORMAT_PCM_16; break;
    case SampleEncoding::Pcm24: sub = SF_FORMAT_PCM_24; break;
    case SampleEncoding::Pcm32: sub = SF_FORMAT_PCM_32; break;
    case SampleEncoding::Float32: sub = SF_FORMAT_FLOAT; break;
    case SampleEncoding::Float64: sub = SF_FORMAT_DOUBLE; break;
    case SampleEncoding::Vorbis: sub = SF_FORMAT_VORBIS; break;
    case SampleEncoding::Other: return 0;
    }
    return major | sub;
}

} // namespace shellac
