// Owning handles for GStreamer references, so no path (early return, error, exception) leaks
// a ref or unrefs twice. One template over small traits per type: GstObject kinds (elements,
// pads, buses) are ref-sunk when adopted, because factories hand out floating references;
// mini objects (caps, samples, messages, buffers) and promises use their own ref/unref.
#pragma once

#include <gst/gst.h>

#include <utility>

namespace chamber::media {

template<typename T>
struct GstRefTraits;

template<typename T>
struct GstObjectRefTraits
{
    static void ref(T *object) { gst_object_ref(object); }
    static void unref(T *object) { gst_object_unref(object); }
    // Floating references (fresh from a factory) become ours; full references are taken over.
    static void adopt(T *object)
    {
        if (g_object_is_floating(object))
            gst_object_ref_sink(object);
    }
};

template<>
struct GstRefTraits<GstElement> : GstObjectRefTraits<GstElement>
{
};
template<>
struct GstRefTraits<GstPad> : GstObjectRefTraits<GstPad>
{
};
template<>
struct GstRefTraits<GstBus> : GstObjectRefTraits<GstBus>
{
};
template<>
struct GstRefTraits<GstClock> : GstObjectRefTraits<GstClock>
{
};

template<typename T, void (*Ref)(T *), void (*Unref)(T *)>
struct GstMiniRefTraits
{
    static void ref(T *object) { Ref(object); }
    static void unref(T *object) { Unref(object); }
    static void adopt(T *) { }
};

inline void capsRef(GstCaps *caps)
{
    gst_caps_ref(caps);
}
inline void capsUnref(GstCaps *caps)
{
    gst_caps_unref(caps);
}
inline void sampleRef(GstSample *sample)
{
    gst_sample_ref(sample);
}
inline void sampleUnref(GstSample *sample)
{
    gst_sample_unref(sample);
}
inline void messageRef(GstMessage *message)
{
    gst_message_ref(message);
}
inline void messageUnref(GstMessage *message)
{
    gst_message_unref(message);
}
inline void eventRef(GstEvent *event)
{
    gst_event_ref(event);
}
inline void eventUnref(GstEvent *event)
{
    gst_event_unref(event);
}

template<>
struct GstRefTraits<GstCaps> : GstMiniRefTraits<GstCaps, capsRef, capsUnref>
{
};
template<>
struct GstRefTraits<GstSample> : GstMiniRefTraits<GstSample, sampleRef, sampleUnref>
{
};
template<>
struct GstRefTraits<GstMessage> : GstMiniRefTraits<GstMessage, messageRef, messageUnref>
{
};
template<>
struct GstRefTraits<GstEvent> : GstMiniRefTraits<GstEvent, eventRef, eventUnref>
{
};

// A counted reference. `adopt` takes over a reference the caller owns (a factory's floating
// one, or a "transfer full" return); `share` adds a reference to a borrowed pointer.
template<typename T>
class GstRef
{
public:
    GstRef() = default;
    static GstRef adopt(T *object)
    {
        if (object)
            GstRefTraits<T>::adopt(object);
        return GstRef(object);
    }
    static GstRef share(T *object)
    {
        if (object)
            GstRefTraits<T>::ref(object);
        return GstRef(object);
    }

    GstRef(const GstRef &other)
        : m_object(other.m_object)
    {
        if (m_object)
            GstRefTraits<T>::ref(m_object);
    }
    GstRef(GstRef &&other) noexcept
        : m_object(std::exchange(other.m_object, nullptr))
    { }
    GstRef &operator=(GstRef other) noexcept
    {
        std::swap(m_object, other.m_object);
        return *this;
    }
    ~GstRef() { reset(); }

    void reset()
    {
        if (T *object = std::exchange(m_object, nullptr))
            GstRefTraits<T>::unref(object);
    }
    // Hands the reference to a callee that takes ownership ("transfer full").
    [[nodiscard]] T *release() { return std::exchange(m_object, nullptr); }

    T *get() const { return m_object; }
    T *operator->() const { return m_object; }
    explicit operator bool() const { return m_object != nullptr; }

private:
    explicit GstRef(T *object)
        : m_object(object)
    { }

    T *m_object = nullptr;
};

using ElementRef = GstRef<GstElement>;
using PadRef = GstRef<GstPad>;
using BusRef = GstRef<GstBus>;
using ClockRef = GstRef<GstClock>;
using CapsRef = GstRef<GstCaps>;
using SampleRef = GstRef<GstSample>;
using MessageRef = GstRef<GstMessage>;
using EventRef = GstRef<GstEvent>;

// g_free()s a string GStreamer hands over.
class GCharPtr
{
public:
    explicit GCharPtr(gchar *text)
        : m_text(text)
    { }
    GCharPtr(const GCharPtr &) = delete;
    GCharPtr &operator=(const GCharPtr &) = delete;
    ~GCharPtr() { g_free(m_text); }
    const gchar *get() const { return m_text; }

private:
    gchar *m_text;
};

} // namespace chamber::media
