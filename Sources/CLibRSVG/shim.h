/* Shim header: exposes librsvg and the cairo image surfaces it renders into to Swift
   through the CLibRSVG module. */
#include <librsvg/rsvg.h>
#include <cairo.h>
