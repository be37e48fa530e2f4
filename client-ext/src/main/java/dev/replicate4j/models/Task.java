package dev.replicate4j.models;

/** The kind of work a model does. */
public enum Task {
  /** Makes images from a prompt. */
  TEXT_TO_IMAGE,
  /** Makes images from an image and a prompt. */
  IMAGE_TO_IMAGE,
  /** Repaints the masked part of an image. */
  INPAINTING,
  /** Makes an animation or video. */
  ANIMATION,
  /** Removes objects of given classes from an image. */
  OBJECT_REMOVAL,
  /** Cuts the subject out of an image, leaving a transparent background. */
  BACKGROUND_REMOVAL,
  /** Any other task: models run through {@link Models#generic(String)}. */
  OTHER
}
