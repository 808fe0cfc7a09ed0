/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The test pattern of the ISP model (isp_model.h), shared by the model
 * (kernel C) and the user-space capture test (isp-example/test/): one
 * definition of every byte the camera writes.  Includes nothing and uses
 * plain C types, so both sides compile it as it is.
 *
 * A frame of W x H pixels:
 *  - rows 0..7 (all rows if H <= 8): the 32-bit frame counter, most
 *    significant bit first, as 32 cells; cell i spans columns
 *    [i * W / 32, (i + 1) * W / 32), white for a set bit, black otherwise;
 *  - the other rows: eight vertical colour bars at 100% (white, yellow,
 *    cyan, green, magenta, red, blue, black); bar i spans columns
 *    [i * W / 8, (i + 1) * W / 8).
 * RGB24 stores R, G, B per pixel.  YUYV stores Y0 U Y1 V per pixel pair
 * (BT.601 limited range); U and V are those of the pair's left pixel.
 */
#ifndef SOCMMU_ISP_PATTERN_H
#define SOCMMU_ISP_PATTERN_H

#define ISP_PATTERN_COUNTER_ROWS	8
#define ISP_PATTERN_COUNTER_BITS	32

enum isp_pattern_colour {
	ISP_WHITE, ISP_YELLOW, ISP_CYAN, ISP_GREEN,
	ISP_MAGENTA, ISP_RED, ISP_BLUE, ISP_BLACK,
};

/* R, G, B and Y, U, V of each colour. */
static const unsigned char isp_pattern_rgb[8][3] = {
	{ 255, 255, 255 }, { 255, 255, 0 }, { 0, 255, 255 }, { 0, 255, 0 },
	{ 255, 0, 255 }, { 255, 0, 0 }, { 0, 0, 255 }, { 0, 0, 0 },
};

static const unsigned char isp_pattern_yuv[8][3] = {
	{ 235, 128, 128 }, { 210, 16, 146 }, { 170, 166, 16 }, { 145, 54, 34 },
	{ 106, 202, 222 }, { 81, 90, 240 }, { 41, 240, 110 }, { 16, 128, 128 },
};

/* The colour of pixel (x, y) of frame @frame, @width pixels wide. */
static inline unsigned int isp_pattern_colour(unsigned int x, unsigned int y,
					      unsigned int width,
					      unsigned int frame)
{
	if (y < ISP_PATTERN_COUNTER_ROWS) {
		unsigned int cell = x * ISP_PATTERN_COUNTER_BITS / width;

		return (frame >> (31 - cell)) & 1 ? ISP_WHITE : ISP_BLACK;
	}
	return x * 8 / width;
}

/*
 * Fill @line with row @y of frame @frame: @width pixels of RGB24 (@yuyv
 * false, 3 bytes a pixel) or YUYV (@yuyv true, 2 bytes a pixel, @width even).
 */
static inline void isp_pattern_line(unsigned char *line, unsigned int y,
				    unsigned int width, int yuyv,
				    unsigned int frame)
{
	unsigned int x;

	for (x = 0; x < width; x++) {
		unsigned int c = isp_pattern_colour(x, y, width, frame);

		if (!yuyv) {
			line[3 * x] = isp_pattern_rgb[c][0];
			line[3 * x + 1] = isp_pattern_rgb[c][1];
			line[3 * x + 2] = isp_pattern_rgb[c][2];
		} else if (x % 2 == 0) {
			line[2 * x] = isp_pattern_yuv[c][0];
			line[2 * x + 1] = isp_pattern_yuv[c][1];
			line[2 * x + 3] = isp_pattern_yuv[c][2];
		} else {
			line[2 * x] = isp_pattern_yuv[c][0];
		}
	}
}

#endif
