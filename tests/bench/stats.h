// Percentiles for benchmark samples.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace chamber::bench {

// Nearest-rank percentile of samples (any unit); 0 for no samples.
inline double percentile(std::vector<double> samples, double p)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = size_t(std::ceil(p / 100.0 * double(samples.size())));
    return samples[std::clamp<size_t>(rank, 1, samples.size()) - 1];
}

} // namespace chamber::bench
