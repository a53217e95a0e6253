#pragma once

#include <QColor>
#include <QRgb>

#include <array>

namespace shellac::ui {

/// Maps levels in dB to colours for the spectrogram: a perceptually uniform, monotonically
/// brightening table of 256 entries (inferno-like: black, purple, red, orange, pale yellow), so
/// that louder is always brighter in colour and in grey.
///
/// Levels at or below minDb() get entry 0, at or above maxDb() entry 255, linear in dB between.
/// A value type; the table is built once per process and shared. Safe to use from any thread.
class ColourMap {
public:
    static constexpr int kEntries = 256;

    /// @param minDb, maxDb the range in dB spread over the table; maxDb > minDb (else widened
    /// to minDb + 1).
    explicit ColourMap(double minDb = -100.0, double maxDb = 0.0);

    /// Sets the range in dB (see the constructor).
    void setRange(double minDb, double maxDb);
    double minDb() const { return m_minDb; }
    double maxDb() const { return m_maxDb; }

    /// The table index (0..255) for a level in dB.
    int indexFor(double db) const;
    /// The colour for a level in dB, as 0xffRRGGBB.
    QRgb rgb(double db) const { return table()[std::size_t(indexFor(db))]; }
    QColor colour(double db) const { return QColor::fromRgb(rgb(db)); }

    /// The shared table, darkest first.
    static const std::array<QRgb, kEntries>& table();

    friend bool operator==(const ColourMap& a, const ColourMap& b)
    {
        return a.m_minDb == b.m_minDb && a.m_maxDb == b.m_maxDb;
    }

private:
    double m_minDb = -100.0;
    double m_maxDb = 0.0;
    double m_scale = 2.55; // entries per dB
};

} // namespace shellac::ui
