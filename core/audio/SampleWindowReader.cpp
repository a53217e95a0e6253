#include "audio/SampleWindowReader.h"

#include "audio/AudioFileReader.h"

#include <QDir>
#include <QObject>

#include <algorithm>

namespace shellac {

SampleWindowReader::SampleWindowReader(std::unique_ptr<AudioFileReader> reader)
    : m_reader(std::move(reader)), m_window(m_reader->format().channels, 0)
{
}

SampleWindowReader::~SampleWindowReader() = default;

Result<std::unique_ptr<SampleWindowReader>> SampleWindowReader::open(const QString& path)
{
    auto reader = AudioFileReader::open(path);
    if (!reader)
        return reader.error();
    return std::unique_ptr<SampleWindowReader>(new SampleWindowReader(std::move(reader.value())));
}

const QString& SampleWindowReader::path() const { return m_reader->path(); }
const AudioFormat& SampleWindowReader::format() const { return m_reader->format(); }

Status SampleWindowReader::readInto(AudioBlock& out, std::int64_t start, std::int64_t end)
{
    if (end <= start)
        return {};
    if (m_reader->position() != start) {
        if (Status s = m_reader->seek(start); !s)
            return s;
    }
    for (std::int64_t pos = start; pos < end;) {
        auto got = m_reader->read(m_scratch, end - pos);
        if (!got)
            return got.error();
        if (got.value() == 0)
            return Error{QDir::toNativeSeparators(path()),
                         QObject::tr("ends at frame %1, before the %2 frames its header states")
                             .arg(pos).arg(format().frames)};
        out.append(m_scratch);
        pos += got.value();
        m_framesRead += got.value();
    }
    return {};
}

Status SampleWindowReader::load(std::int64_t start, std::int64_t count)
{
    const std::int64_t total = format().frames;
    const std::int64_t begin = std::clamp<std::int64_t>(start, 0, total);
    const std::int64_t end = std::clamp<std::int64_t>(start + std::max<std::int64_t>(0, count), begin, total);
    const std::int64_t oldBegin = m_start;
    const std::int64_t oldEnd = m_start + m_window.frames();
    if (begin == oldBegin && end == oldEnd)
        return {};

    // Keep the overlap with the previous window; read the new head and tail around it.
    const std::int64_t keepBegin = std::max(begin, oldBegin);
    const std::int64_t keepEnd = std::min(end, oldEnd);
    m_next.resize(format().channels, 0);
    Status status;
    if (keepEnd > keepBegin) {
        status = readInto(m_next, begin, keepBegin);
        if (status) {
            m_scratch.assignFrames(m_window, keepBegin - oldBegin, keepEnd - keepBegin);
            m_next.append(m_scratch);
            status = readInto(m_next, keepEnd, end);
        }
    } else {
        status = readInto(m_next, begin, end);
    }
    if (!status) {
        m_window.resize(format().channels, 0);
        m_start = begin;
        return status;
    }
    std::swap(m_window, m_next);
    m_start = begin;
    return {};
}

} // namespace shellac
