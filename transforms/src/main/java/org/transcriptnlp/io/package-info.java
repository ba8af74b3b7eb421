/**
 * File access shared by the job and its driver: reading a file's bytes within a size limit and a
 * gzip compression-ratio limit ({@link BoundedRead}), telling what a local directory entry is
 * without opening it ({@link LocalEntry}), and paths and whole-file publishing on any of Beam's
 * file systems ({@link Locations}). It depends on the JDK and Beam's file-system API only, on no
 * other package of the project.
 */
package org.transcriptnlp.io;
