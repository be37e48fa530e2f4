/**
 * The model catalog: typed inputs, typed outputs and the ten pinned models.
 *
 * <ul>
 *   <li>{@link dev.replicate4j.models.Models} holds the ten models as constants, each a
 *       {@link dev.replicate4j.models.Model} that names its input and output types;
 *       {@link dev.replicate4j.models.ModelCatalog} looks them (and your own) up by reference.
 *   <li>Each model has an input class with a builder that checks the model's rules in
 *       {@code build()} and sends only the fields you set;
 *       {@link dev.replicate4j.models.GenericInput} is the map-based escape hatch.
 *   <li>{@link dev.replicate4j.models.Model#parseInput} builds a model's input from text
 *       {@code key=value} pairs, as a command line gives them, through the same builder.
 *   <li>{@link dev.replicate4j.models.ImageInput} turns URLs, files, bytes and streams into what
 *       image fields take.
 *   <li>Outputs are {@link dev.replicate4j.models.FileOutput},
 *       {@link dev.replicate4j.models.FileOutputs} or
 *       {@link dev.replicate4j.models.AnimationOutput}.
 * </ul>
 */
package dev.replicate4j.models;
